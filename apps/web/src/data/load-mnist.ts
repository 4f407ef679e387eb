import { MNIST_SHA256, type MnistFileName, type MnistSplit, readMnistSplit } from '@lab/data';
import { gunzipIfNeeded } from './gunzip.js';
import type { FileCheck, FileSource, MnistData, SplitLimits } from './mnist-data.js';
import { sha256Hex } from './sha256.js';

/** Options of {@link loadMnist}. */
export interface LoadMnistOptions {
  limits?: SplitLimits;
  /** The SHA-256 each file must have. Default: the published MNIST ones. */
  expected?: Readonly<Record<MnistFileName, string>>;
  /** Called with a short message before each step. */
  onProgress?: (message: string) => void;
}

/**
 * Reads the four MNIST files (raw or gzip), checks each one's SHA-256 against the published
 * value, and parses them into the train and test splits, cut to `limits`. Throws, naming the
 * file, when one is missing, unreadable, altered or malformed. Runs in the data worker.
 */
export async function loadMnist(sources: readonly FileSource[], options: LoadMnistOptions = {}): Promise<MnistData> {
  const expected = options.expected ?? MNIST_SHA256;
  const progress = options.onProgress ?? (() => {});
  const bytes = new Map<MnistFileName, Uint8Array<ArrayBuffer>>();
  const checks: FileCheck[] = [];
  for (const source of sources) {
    progress(`Reading ${source.name}…`);
    const raw = await gunzipIfNeeded(await readSource(source));
    progress(`Checking ${source.name}…`);
    const sha256 = await sha256Hex(raw);
    const want = expected[source.name];
    if (sha256 !== want) {
      throw new Error(`${source.name}: SHA-256 is ${sha256}, expected ${want}; the file is not the original MNIST file`);
    }
    checks.push({ name: source.name, sha256, expected: want, bytes: raw.length });
    bytes.set(source.name, raw);
  }
  const file = (name: MnistFileName): Uint8Array => {
    const found = bytes.get(name);
    if (!found) throw new Error(`${name}: missing; the four MNIST files are needed`);
    return found;
  };
  progress('Parsing…');
  const train = readMnistSplit(file('train-images-idx3-ubyte'), file('train-labels-idx1-ubyte'), {
    imagesName: 'train-images-idx3-ubyte',
    labelsName: 'train-labels-idx1-ubyte',
  });
  const test = readMnistSplit(file('t10k-images-idx3-ubyte'), file('t10k-labels-idx1-ubyte'), {
    imagesName: 't10k-images-idx3-ubyte',
    labelsName: 't10k-labels-idx1-ubyte',
  });
  return {
    train: firstImages(train, options.limits?.train),
    test: firstImages(test, options.limits?.test),
    checks,
    fullCounts: { train: train.count, test: test.count },
  };
}

async function readSource(source: FileSource): Promise<Uint8Array<ArrayBuffer>> {
  if ('blob' in source) return new Uint8Array(await source.blob.arrayBuffer());
  const response = await fetch(source.url);
  if (!response.ok) throw new Error(`${source.name}: ${source.url} answered ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The first `limit` images of `split` as a compact copy (so the rest can be freed); all when no limit. */
export function firstImages(split: MnistSplit, limit: number | undefined): MnistSplit {
  if (limit === undefined || limit >= split.count) return split;
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit must be a positive integer, got ${limit}`);
  const size = split.rows * split.cols;
  return {
    ...split,
    count: limit,
    images: split.images.slice(0, limit * size),
    labels: split.labels.slice(0, limit),
  };
}
