import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../data-error.js';
import { isGzip } from '../idx/gunzip.js';
import { MNIST_FILES, type MnistFileName } from '../mnist-files.js';
import { fetchBytes } from './fetch-bytes.js';
import { DEFAULT_MNIST_MIRRORS, DEFAULT_MNIST_TIMEOUT_MS, type LoadMnistOptions } from './load-mnist-options.js';
import type { MnistPaths } from './scan-mnist-dir.js';
import { verifyMnistFile } from './verify-mnist-file.js';
import { writeFileAtomic } from '@lab/core/node';

/**
 * Downloads the MNIST files missing from `found` into `cacheDir`, one after the other, trying
 * each mirror in turn. A file is verified in memory before it is written (atomically), so the
 * cache never holds a partial or wrong file and an interrupted download resumes at the next file.
 * @returns all four paths and the mirror(s) that served the new files, comma-separated
 * @throws Error whose message lists every mirror's failure for the first file none could serve
 */
export async function downloadMnist(
  cacheDir: string,
  found: Partial<MnistPaths>,
  options: LoadMnistOptions,
): Promise<{ paths: MnistPaths; location: string }> {
  const mirrors = options.mirrors ?? DEFAULT_MNIST_MIRRORS;
  if (mirrors.length === 0) throw new Error('no mirrors to try (mirrors: [])');
  const paths = { ...found };
  const used = new Set<string>();
  for (const name of MNIST_FILES) {
    if (paths[name] !== undefined) continue;
    const { bytes, mirror } = await fetchVerified(name, mirrors, options);
    // A server that undid the gzip itself (Content-Encoding) sent the raw file: name it so.
    const path = join(cacheDir, isGzip(bytes) ? `${name}.gz` : name);
    await mkdir(cacheDir, { recursive: true });
    await writeFileAtomic(path, bytes);
    paths[name] = path;
    used.add(mirror);
  }
  // The loop filled in every name that was missing.
  return { paths: paths as MnistPaths, location: [...used].join(', ') };
}

async function fetchVerified(name: MnistFileName, mirrors: readonly string[], options: LoadMnistOptions) {
  const failures: string[] = [];
  for (const mirror of mirrors) {
    const url = new URL(`${name}.gz`, mirror.endsWith('/') ? mirror : `${mirror}/`).href;
    try {
      const timeoutMs = options.timeoutMs ?? DEFAULT_MNIST_TIMEOUT_MS;
      const bytes = await fetchBytes(url, { timeoutMs, file: `${name}.gz`, onProgress: options.onProgress });
      await verifyMnistFile(bytes, name, url, `download from ${mirror}`);
      return { bytes, mirror };
    } catch (error) {
      // A DataError (checksum, gzip) already names the URL.
      const message = error instanceof Error ? error.message : String(error);
      failures.push(error instanceof DataError ? message : `${url}: ${message}`);
    }
  }
  throw new Error(`no mirror served ${name}.gz: ${failures.join('; ')}`);
}
