import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeIdxUint8 } from '../idx/encode-idx.js';
import { HAS_SHARED_MNIST, SHARED_MNIST_DIR } from '../test/mnist-fixtures.js';
import { loadIdxDataset } from './load-idx-dataset.js';

/** Writes an IDX data set of `train`/`test` images of rows×cols with the given labels (gzip for the training files). */
async function writeSet(dir: string, rows: number, cols: number, trainLabels: number[], testLabels: number[], testRows = rows): Promise<void> {
  const images = (n: number, r: number) => Uint8Array.from({ length: n * r * cols }, (_, i) => (i * 7) % 256);
  await writeFile(join(dir, 'train-images-idx3-ubyte.gz'), encodeIdxUint8(images(trainLabels.length, rows), [trainLabels.length, rows, cols], { gzip: true }));
  await writeFile(join(dir, 'train-labels-idx1-ubyte.gz'), encodeIdxUint8(Uint8Array.from(trainLabels), [trainLabels.length], { gzip: true }));
  await writeFile(join(dir, 't10k-images-idx3-ubyte'), encodeIdxUint8(images(testLabels.length, testRows), [testLabels.length, testRows, cols]));
  await writeFile(join(dir, 't10k-labels-idx1-ubyte'), encodeIdxUint8(Uint8Array.from(testLabels), [testLabels.length]));
}

describe('loadIdxDataset', () => {
  it('reads an IDX set of any size and class count, with class names from labels.txt', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-idx-'));
    await writeSet(dir, 14, 12, [0, 1, 2, 3, 4, 2], [4, 0]);
    const plain = await loadIdxDataset(dir);
    expect(plain).toMatchObject({ name: 'IDX data set', classes: 5, classNames: ['0', '1', '2', '3', '4'], source: { kind: 'dir', location: dir } });
    expect(plain.train).toMatchObject({ count: 6, rows: 14, cols: 12 });
    expect(plain.test.count).toBe(2);
    await writeFile(join(dir, 'labels.txt'), 'circle\nsquare\ntriangle\nstar\nheart\nmoon\n\n');
    const named = await loadIdxDataset(dir);
    expect(named.classes).toBe(6);
    expect(named.classNames).toEqual(['circle', 'square', 'triangle', 'star', 'heart', 'moon']);
  });

  it('names the file at fault: too few class names, a blank name, different image sizes, one class, a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-idx-'));
    await writeSet(dir, 8, 8, [0, 1, 2], [2]);
    await writeFile(join(dir, 'labels.txt'), 'a\nb\n');
    await expect(loadIdxDataset(dir)).rejects.toThrow(`${join(dir, 'labels.txt')}: names 2 classes, but the data has label 2`);
    await writeFile(join(dir, 'labels.txt'), 'a\n\nc\n');
    await expect(loadIdxDataset(dir)).rejects.toThrow('line 2 is empty');
    const sizes = await mkdtemp(join(tmpdir(), 'lab-idx-'));
    await writeSet(sizes, 8, 8, [0, 1], [1], 9);
    await expect(loadIdxDataset(sizes)).rejects.toThrow('the training images are 8×8 but the test images 9×8');
    const one = await mkdtemp(join(tmpdir(), 'lab-idx-'));
    await writeSet(one, 4, 4, [0, 0], [0]);
    await expect(loadIdxDataset(one)).rejects.toThrow('the labels give 1 class; a classifier needs 2 to 256');
    const empty = await mkdtemp(join(tmpdir(), 'lab-idx-'));
    await expect(loadIdxDataset(empty)).rejects.toThrow(`data folder ${empty} lacks train-images-idx3-ubyte[.gz]`);
  });

  it.skipIf(!HAS_SHARED_MNIST)('calls the original files MNIST (needs the shared MNIST folder)', async () => {
    const mnist = await loadIdxDataset(SHARED_MNIST_DIR);
    expect(mnist).toMatchObject({ name: 'MNIST', classes: 10 });
    expect(mnist.train).toMatchObject({ count: 60_000, rows: 28, cols: 28 });
  });
});
