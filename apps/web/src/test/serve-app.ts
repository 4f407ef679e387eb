import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

/** apps/web, where vite.config.ts and index.html live. */
export const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The production build served over HTTP on 127.0.0.1. */
export interface ServedApp {
  /** The page's URL, ending in `/`. */
  url: string;
  /** The folder the production build was written to (deleted by `close`). */
  outDir: string;
  /** Stops the server and deletes the build. */
  close(): Promise<void>;
}

/**
 * Builds the app from the current sources into a temporary folder (never a stale dist/) and
 * serves it with `vite preview` on 127.0.0.1 and a port the OS picks. `input` builds another
 * page instead of index.html (a path relative to apps/web, e.g. a test page); `minify: false`
 * keeps names readable in profiles (the benchmark).
 */
export async function serveBuiltApp(input?: string, options: { minify?: boolean } = {}): Promise<ServedApp> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'lab-web-dist-'));
  try {
    const rollupOptions = input ? { input: path.join(APP_ROOT, input) } : {};
    // The manifest tells the size check which chunks are loaded only on demand (webgpu).
    const minify = options.minify ?? true;
    await build({ root: APP_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true, minify, rollupOptions } });
    const server = await preview({
      root: APP_ROOT,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const address = server.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('vite preview: no TCP address');
    return {
      url: `http://127.0.0.1:${address.port}/`,
      outDir,
      close: async () => {
        await server.close();
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
