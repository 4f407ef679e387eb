import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = dirname(fileURLToPath(import.meta.url));

// '@lab/data' must load in a browser: no Node built-ins and no Node globals outside src/node.
describe('the browser entry point', () => {
  it('uses nothing from Node.js', async () => {
    const files = (await readdir(src, { recursive: true })).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !/^(node|test)\//.test(file),
    );
    expect(files).toContain('index.ts');
    for (const file of files) {
      const code = await readFile(join(src, file), 'utf8');
      expect({ file, node: code.match(/['"]node:|['"](\.\.?\/)+node\/|\bprocess\.|\bBuffer\b/g) }).toEqual({ file, node: null });
    }
  });
});
