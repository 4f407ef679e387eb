import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from './test/temp-dir.js';

const src = dirname(fileURLToPath(import.meta.url));

// The README's first example, run as written, except that the package's imports point at the
// sources. Each `console.log(...); // → text` must print exactly `text`.
describe('README', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs the first example and prints what its comments say', async () => {
    const readme = await readFile(resolve(src, '../README.md'), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    if (code === undefined) throw new Error('README has no ```ts block');
    const expected = [...code.matchAll(/^console\.log\(.*\); \/\/ → (.*)$/gm)].map((match) => match[1]);
    expect(expected.length).toBeGreaterThan(3);
    const runnable = code
      .replaceAll("from '@lab/data/node'", `from '${join(src, 'node/index.ts')}'`)
      .replaceAll("from '@lab/data'", `from '${join(src, 'index.ts')}'`);
    const file = join(await tempDir(), 'example.ts');
    await writeFile(file, runnable);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => printed.push(format(...args)));
    await import(file);
    // The source line varies by machine (package here, the cache or shared folder elsewhere).
    const [found, ...rest] = printed.filter((line) => line.startsWith('found in: '));
    expect(found).toMatch(/^found in: (dir|env|cache|package|download) \S/);
    expect(rest).toEqual([]);
    expect(printed.filter((line) => line !== found)).toEqual(expected);
  });
});
