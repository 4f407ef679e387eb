import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readRegularFile } from '@lab/core/node';
import { DataError } from '../data-error.js';
import { MNIST_FILES, MNIST_SHA256, type MnistFileName } from '../mnist-files.js';
import { type MnistSplit, readMnistSplit } from '../mnist-split.js';
import type { MnistSource } from './mnist-source.js';
import { scanMnistDir } from './scan-mnist-dir.js';
import { decompressIdx, sha256 } from './verify-mnist-file.js';

/** An IDX image-classification data set read from a folder: MNIST, Fashion-MNIST, EMNIST or one's own. */
export interface IdxDataset {
  train: MnistSplit;
  test: MnistSplit;
  source: MnistSource;
  /** `MNIST` when the four files are the originals (by SHA-256), else `IDX data set`. */
  name: string;
  /** The number of classes: the lines of `labels.txt`, else the largest label + 1. */
  classes: number;
  /** Class names from `labels.txt` (one per line, in label order), else `0`, `1`, …. */
  classNames: string[];
}

/** The largest class count a data set may have (labels are uint8). */
const MAX_CLASSES = 256;

/**
 * Reads any IDX image-classification data set from `dir`: the four files under MNIST's names
 * (`train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`,
 * `t10k-labels-idx1-ubyte`, each raw or `.gz`), of any image size and class count, with class
 * names from an optional `labels.txt` (one per line). Unlike `loadMnist`, a file that is not the
 * original MNIST is not refused: the checksums only tell whether it is (`name`). Errors name the
 * file: a missing one, malformed IDX, train and test images of different sizes, a label with no
 * class name, fewer than two classes.
 */
export async function loadIdxDataset(dir: string): Promise<IdxDataset> {
  const source: MnistSource = { kind: 'dir', location: dir };
  const scan = await scanMnistDir(dir);
  if (!scan.complete) throw new DataError(`data folder ${dir} ${scan.problem}`, { source: dir });
  const raw = {} as Record<MnistFileName, Uint8Array>;
  for (const name of MNIST_FILES) {
    const file = scan.paths[name];
    raw[name] = await decompressIdx(await readRegularFile(file, { what: `the IDX file ${name}` }), file, `dataDir ${dir}`);
  }
  const split = (images: MnistFileName, labels: MnistFileName) =>
    readMnistSplit(raw[images], raw[labels], { imagesName: scan.paths[images], labelsName: scan.paths[labels] });
  const train = split('train-images-idx3-ubyte', 'train-labels-idx1-ubyte');
  const test = split('t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte');
  if (train.rows !== test.rows || train.cols !== test.cols) {
    throw new DataError(`${dir}: the training images are ${train.rows}×${train.cols} but the test images ${test.rows}×${test.cols}`, { source: dir });
  }
  const original = MNIST_FILES.every((name) => sha256(raw[name]) === MNIST_SHA256[name]);
  const classNames = await readClassNames(join(dir, 'labels.txt'));
  let largest = 0;
  for (const labels of [train.labels, test.labels]) for (const l of labels) if (l > largest) largest = l;
  const classes = classNames?.length ?? largest + 1;
  if (classNames && largest >= classNames.length) {
    throw new DataError(`${join(dir, 'labels.txt')}: names ${classNames.length} classes, but the data has label ${largest}`, { file: join(dir, 'labels.txt') });
  }
  if (classes < 2 || classes > MAX_CLASSES) throw new DataError(`${dir}: the labels give ${classes} class${classes === 1 ? '' : 'es'}; a classifier needs 2 to ${MAX_CLASSES}`, { source: dir });
  return { train, test, source, name: original ? 'MNIST' : 'IDX data set', classes, classNames: classNames ?? Array.from({ length: classes }, (_, i) => String(i)) };
}

/** The non-empty lines of `file`, or undefined when it does not exist. */
async function readClassNames(file: string): Promise<string[] | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataError(`${file}: ${(error as Error).message}`, { file });
  }
  const names = text.split(/\r?\n/).map((line) => line.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const blank = names.indexOf('');
  if (blank >= 0) throw new DataError(`${file}: line ${blank + 1} is empty; give one class name per line`, { file });
  return names;
}
