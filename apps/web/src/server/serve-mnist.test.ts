import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMnistFile, mnistDir } from './serve-mnist.js';

describe('serve-mnist', () => {
  it('finds the raw file or its .gz, and only the four MNIST names', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lab-web-mnist-'));
    try {
      await writeFile(path.join(dir, 'train-images-idx3-ubyte.gz'), '');
      await writeFile(path.join(dir, 't10k-labels-idx1-ubyte'), '');
      await writeFile(path.join(dir, 'secret.txt'), '');
      expect(findMnistFile(dir, 'train-images-idx3-ubyte')).toBe(path.join(dir, 'train-images-idx3-ubyte.gz'));
      expect(findMnistFile(dir, 't10k-labels-idx1-ubyte')).toBe(path.join(dir, 't10k-labels-idx1-ubyte'));
      expect(findMnistFile(dir, 'train-labels-idx1-ubyte')).toBeUndefined();
      expect(findMnistFile(dir, 'secret.txt')).toBeUndefined();
      expect(findMnistFile(dir, '../secret.txt')).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves LAB_MNIST_DIR, relative to apps/web', () => {
    expect(mnistDir({ LAB_MNIST_DIR: '/data/mnist', LAB_SHARED_DIR: '/other' })).toBe('/data/mnist');
    expect(mnistDir({ LAB_SHARED_DIR: '/shared/mnist' })).toBe('/shared/mnist');
    expect(mnistDir({ LAB_MNIST_DIR: 'fixtures' }).endsWith(path.join('apps', 'web', 'fixtures'))).toBe(true);
  });
});
