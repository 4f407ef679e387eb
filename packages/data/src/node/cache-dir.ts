import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The user cache for MNIST: `$XDG_CACHE_HOME/lab/mnist`, else `$HOME/.cache/lab/mnist` (the OS
 * home directory when `HOME` is unset). A relative `XDG_CACHE_HOME` is ignored, as the XDG
 * specification requires.
 * @param env where to read the variables; default `process.env`
 */
export function defaultMnistCacheDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'lab', 'mnist');
}
