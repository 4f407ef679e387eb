import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

// The README's first example, run as written from inside this package (so that its bare imports
// resolve as a user's would), except that the import of this package points at the sources. Each
// `console.log(...); // → text` must print exactly `text`.
describe('README', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs the first example and prints what its comments say', async () => {
    const readme = await readFile(join(src, '../README.md'), 'utf8');
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    if (code === undefined) throw new Error('README has no ```ts block');
    const expected = [...code.matchAll(/^\s*console\.log\(.*\); \/\/ → (.*)$/gm)].map((match) => match[1]);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const dir = join(src, '../node_modules/.readme');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'example.ts');
    await writeFile(file, code.replaceAll("import '@lab/backend-wasm';", `import '${join(src, 'index.ts')}';`));
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => printed.push(format(...args)));
    await import(file);
    expect(printed).toEqual(expected);
  });
});
