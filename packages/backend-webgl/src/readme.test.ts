import { realpathSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

// The README's first example, run as written, except that its import of the package points at the
// sources and its import of @lab/core at the one this package resolves (the example runs from a
// temporary folder). Each `console.log(...); // → text` must print exactly `text`.
const core = `${realpathSync(join(src, '../node_modules/@lab/core'))}/dist/index.js`;
describe('README', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs the first example and prints what its comments say', async () => {
    const readme = await readFile(join(src, '../README.md'), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    if (code === undefined) throw new Error('README has no ```ts block');
    const expected = [...code.matchAll(/^\s*console\.log\(.*\); \/\/ → (.*)$/gm)].map((match) => match[1]);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const file = join(await mkdtemp(join(tmpdir(), 'lab-backend-webgl-readme-')), 'example.ts');
    const source = code.replaceAll("from '@lab/backend-webgl'", `from '${join(src, 'index.ts')}'`).replaceAll("from '@lab/core'", `from '${core}'`);
    await writeFile(file, source);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => printed.push(format(...args)));
    await import(file);
    expect(printed).toEqual(expected);
  });
});
