import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MNIST_FILES, type MnistFileName } from '../mnist-files.js';

/** Paths of the four MNIST files, by original name. */
export type MnistPaths = Record<MnistFileName, string>;

/** What a directory holds of MNIST: all four paths, or those found and what is wrong. */
export type MnistDirScan =
  | { complete: true; paths: MnistPaths }
  | { complete: false; found: Partial<MnistPaths>; problem: string };

/**
 * Looks for each MNIST file in `dir` as `NAME` or `NAME.gz` (the uncompressed one first: it is
 * faster to read). Never throws: an unreadable directory is the scan's problem, e.g. "does not exist".
 */
export async function scanMnistDir(dir: string): Promise<MnistDirScan> {
  let entries: Set<string>;
  try {
    entries = new Set(await readdir(dir));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a directory' : String(error);
    return { complete: false, found: {}, problem };
  }
  const found: Partial<MnistPaths> = {};
  const missing: string[] = [];
  for (const name of MNIST_FILES) {
    const file = [name, `${name}.gz`].find((candidate) => entries.has(candidate));
    if (file === undefined) missing.push(`${name}[.gz]`);
    else found[name] = join(dir, file);
  }
  if (missing.length > 0) return { complete: false, found, problem: `lacks ${missing.join(', ')}` };
  // Every name was found, so the partial record is whole.
  return { complete: true, paths: found as MnistPaths };
}
