import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { MNIST_FILES, MNIST_SHA256 } from '../mnist-files.js';
import { serve } from '../test/http-fixtures.js';
import { labelsIdx } from '../test/idx-fixtures.js';
import { mnistGz } from '../test/mnist-fixtures.js';
import { expectSameBytes } from '../test/same-bytes.js';
import { tempDir } from '../test/temp-dir.js';
import type { MnistProgressEvent } from './load-mnist-options.js';
import { resolveMnistFiles } from './resolve-mnist-files.js';

// A local mirror: /mnist/ serves the real gzipped files, /missing/ answers 404, /bad/ serves a
// valid gzip of the wrong content. train-images (47 MB unpacked) is never requested: the tests
// put it in the cache first, which also checks that a partial cache is completed, not refetched.
const small = MNIST_FILES.filter((name) => name !== 'train-images-idx3-ubyte');
const files = new Map<string, Uint8Array>();
for (const name of small) files.set(`${name}.gz`, await mnistGz(name));
const wrongRaw = labelsIdx([1]);
const wrong = gzipSync(wrongRaw);
const requests: string[] = [];
const server = await serve((request, response) => {
  const url = request.url ?? '';
  requests.push(url);
  const [, folder, file = ''] = url.split('/');
  const body = folder === 'mnist' ? files.get(file) : folder === 'bad' ? wrong : undefined;
  if (body === undefined) response.writeHead(404).end();
  else response.writeHead(200, { 'content-length': body.length }).end(body);
});
afterAll(() => server.close());

async function cacheWithTrainImages(): Promise<string> {
  const cache = await tempDir();
  await writeFile(join(cache, 'train-images-idx3-ubyte.gz'), await mnistGz('train-images-idx3-ubyte'));
  return cache;
}

describe('resolveMnistFiles: download', () => {
  it('downloads the missing files into the cache atomically, reporting progress, trying mirrors in order', async () => {
    const cache = await cacheWithTrainImages();
    const events: MnistProgressEvent[] = [];
    const visibleEarly: string[] = [];
    const onProgress = (event: MnistProgressEvent) => {
      events.push(event);
      // Until the last byte is in, the file must not be visible under its own name.
      if (event.receivedBytes < (event.totalBytes ?? 0) && existsSync(join(cache, event.file))) visibleEarly.push(event.file);
    };
    requests.length = 0;
    const mirrors = [`${server.url}/missing/`, `${server.url}/mnist`];
    const found = await resolveMnistFiles({ env: {}, cacheDir: cache, usePackage: false, mirrors, onProgress });

    expect(found.source).toEqual({ kind: 'download', location: `${server.url}/mnist` });
    expect(requests).toEqual(small.flatMap((name) => [`/missing/${name}.gz`, `/mnist/${name}.gz`]));
    expect(visibleEarly).toEqual([]);
    expect((await readdir(cache)).sort()).toEqual(MNIST_FILES.map((name) => `${name}.gz`).sort());
    for (const name of small) {
      expect(found.paths[name]).toBe(join(cache, `${name}.gz`));
      expectSameBytes(await readFile(join(cache, `${name}.gz`)), files.get(`${name}.gz`)!);
      const size = files.get(`${name}.gz`)!.length;
      const own = events.filter((event) => event.file === `${name}.gz`);
      expect(own[0]).toEqual({ file: `${name}.gz`, receivedBytes: 0, totalBytes: size });
      expect(own.at(-1)).toEqual({ file: `${name}.gz`, receivedBytes: size, totalBytes: size });
    }
    // The next run finds the files in the cache and asks no server.
    requests.length = 0;
    expect((await resolveMnistFiles({ env: {}, cacheDir: cache, download: false })).source.kind).toBe('cache');
    expect(requests).toEqual([]);
  });

  it('rejects a download whose checksum is wrong and stores nothing', async () => {
    const cache = await cacheWithTrainImages();
    const mirror = `${server.url}/bad/`;
    const message = await resolveMnistFiles({ env: {}, cacheDir: cache, usePackage: false, mirrors: [mirror] }).catch(
      (e: unknown) => (e as Error).message,
    );
    const url = `${mirror}train-labels-idx1-ubyte.gz`;
    expect(message).toContain(
      `  - download: no mirror served train-labels-idx1-ubyte.gz: ${url} (download from ${mirror}): SHA-256 mismatch: ` +
        `the decompressed data hashes to ${createHash('sha256').update(wrongRaw).digest('hex')}, ` +
        `the original train-labels-idx1-ubyte to ${MNIST_SHA256['train-labels-idx1-ubyte']}`,
    );
    expect(await readdir(cache)).toEqual(['train-images-idx3-ubyte.gz']);
  });
});
