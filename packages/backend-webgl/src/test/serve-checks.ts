// The check page, bundled from the sources with esbuild and served over HTTP on 127.0.0.1.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** The served page. */
export interface ServedChecks {
  /** The page's URL. */
  url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Bundles `kernel-checks-page.ts` (this package's sources, @lab/core's build, tfjs-core and the
 * webgl and cpu backends) into one ES module and serves it with `kernel-checks.html` on
 * 127.0.0.1, at a port the OS picks. Only those two paths exist; anything else is a 404.
 */
export async function serveChecks(): Promise<ServedChecks> {
  const [bundle, html] = await Promise.all([
    build({
      entryPoints: [here('./kernel-checks-page.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    }),
    readFile(here('./kernel-checks.html')),
  ]);
  const script = bundle.outputFiles[0]!.contents;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const [body, type] = path === '/' ? [html, 'text/html'] : path === '/kernel-checks.js' ? [script, 'text/javascript'] : [undefined, 'text/plain'];
    response.writeHead(body ? 200 : 404, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
