// Finding a program as the shell would, for the build and install scripts.
import fs from 'node:fs';
import path from 'node:path';

/** Where `name` is on PATH (or `name` itself when it is a path that exists), or null. */
export function which(name) {
  if (name.includes('/')) return fs.existsSync(name) ? name : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const full = path.join(dir, name);
    if (dir && fs.existsSync(full)) return full;
  }
  return null;
}
