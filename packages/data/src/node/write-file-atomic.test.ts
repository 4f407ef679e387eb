import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-dir.js';
import { writeFileAtomic } from './write-file-atomic.js';

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temporary file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'f.bin');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(await readFile(path))).toEqual(new Uint8Array([1, 2, 3]));
    await writeFile(path, 'old');
    await writeFileAtomic(path, new Uint8Array([4]));
    expect(new Uint8Array(await readFile(path))).toEqual(new Uint8Array([4]));
    expect(await readdir(dir)).toEqual(['f.bin']);
  });

  it('fails without leaving anything behind when the target cannot be replaced', async () => {
    const dir = await tempDir();
    // Renaming a file over a non-empty directory fails after the temporary file is written.
    await writeFile(join(dir, 'keep'), '');
    await expect(writeFileAtomic(dir, new Uint8Array([1]))).rejects.toThrow();
    const parent = join(dir, '..');
    expect((await readdir(parent)).filter((name) => name.endsWith('.tmp') && name.includes('lab-data-test-'))).toEqual([]);
  });
});
