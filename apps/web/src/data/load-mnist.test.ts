import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { MNIST_FILES, type MnistFileName } from '@lab/data';
import { describe, expect, it } from 'vitest';
import { firstImages, loadMnist } from './load-mnist.js';
import type { FileSource } from './mnist-data.js';

/** An IDX file: magic, dims, then uint8 data (as MNIST's). */
function idx(magic: number, dims: number[], data: Uint8Array): Uint8Array<ArrayBuffer> {
  const header = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  header.setUint32(0, magic);
  for (const [i, d] of dims.entries()) header.setUint32(4 + 4 * i, d);
  const out = new Uint8Array(header.byteLength + data.length);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(data, header.byteLength);
  return out;
}

/** Four tiny MNIST-shaped files (3 train and 2 test images of 2 × 2), and their SHA-256. */
function tinyMnist(): { files: Record<MnistFileName, Uint8Array<ArrayBuffer>>; hashes: Record<MnistFileName, string> } {
  const files: Record<MnistFileName, Uint8Array<ArrayBuffer>> = {
    'train-images-idx3-ubyte': idx(2051, [3, 2, 2], Uint8Array.from({ length: 12 }, (_, i) => i * 20)),
    'train-labels-idx1-ubyte': idx(2049, [3], Uint8Array.from([7, 1, 9])),
    't10k-images-idx3-ubyte': idx(2051, [2, 2, 2], new Uint8Array(8).fill(255)),
    't10k-labels-idx1-ubyte': idx(2049, [2], Uint8Array.from([0, 3])),
  };
  const hashes = Object.fromEntries(
    MNIST_FILES.map((name) => [name, createHash('sha256').update(files[name]).digest('hex')]),
  ) as Record<MnistFileName, string>;
  return { files, hashes };
}

const blobs = (files: Record<MnistFileName, Uint8Array<ArrayBuffer>>, gzip: boolean): FileSource[] =>
  MNIST_FILES.map((name) => ({ name, blob: new Blob([gzip ? gzipSync(files[name]) : files[name]]) }));

describe('loadMnist', () => {
  it('reads raw and gzip files alike, checks their SHA-256 and parses both splits', async () => {
    const { files, hashes } = tinyMnist();
    for (const gzip of [false, true]) {
      const progress: string[] = [];
      const data = await loadMnist(blobs(files, gzip), { expected: hashes, onProgress: (m) => progress.push(m) });
      expect(data.train.count).toBe(3);
      expect(Array.from(data.train.labels)).toEqual([7, 1, 9]);
      expect(Array.from(data.train.images.subarray(4, 8))).toEqual([80, 100, 120, 140]);
      expect(data.test).toMatchObject({ count: 2, rows: 2, cols: 2 });
      expect(data.checks.map((c) => c.sha256)).toEqual(MNIST_FILES.map((n) => hashes[n]));
      expect(data.fullCounts).toEqual({ train: 3, test: 2 });
      expect(progress).toContain('Checking train-images-idx3-ubyte…');
    }
  });

  it('cuts each split to its limit', async () => {
    const { files, hashes } = tinyMnist();
    const data = await loadMnist(blobs(files, true), { expected: hashes, limits: { train: 2, test: 5 } });
    expect(data.train.count).toBe(2);
    expect(data.train.images).toHaveLength(8);
    expect(Array.from(data.train.labels)).toEqual([7, 1]);
    expect(data.test.count).toBe(2);
    expect(data.fullCounts.train).toBe(3);
  });

  it('refuses a file whose checksum differs, naming it and both hashes', async () => {
    const { files } = tinyMnist();
    // The real MNIST hashes: the tiny files cannot match them.
    await expect(loadMnist(blobs(files, false))).rejects.toThrow(
      /^train-images-idx3-ubyte: SHA-256 is [0-9a-f]{64}, expected ba891046e6505d7a/,
    );
  });

  it('names a missing file', async () => {
    const { files, hashes } = tinyMnist();
    await expect(loadMnist(blobs(files, false).slice(0, 3), { expected: hashes })).rejects.toThrow(
      't10k-labels-idx1-ubyte: missing',
    );
  });
});

describe('firstImages', () => {
  it('rejects a limit that is not a positive integer', () => {
    const split = { images: new Uint8Array(8), labels: new Uint8Array(2), count: 2, rows: 2, cols: 2 };
    expect(() => firstImages(split, 0)).toThrow('limit must be a positive integer, got 0');
    expect(firstImages(split, undefined)).toBe(split);
  });
});
