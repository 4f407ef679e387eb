import { mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverDir, replaceDirAtomic, writeFileAtomic, writeStreamAtomic } from './write-atomic.js';

const temp = () => mkdtemp(join(tmpdir(), 'lab-core-atomic-'));

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temporary file', async () => {
    const dir = await temp();
    const path = join(dir, 'f.bin');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(await readFile(path))).toEqual(new Uint8Array([1, 2, 3]));
    await writeFileAtomic(path, 'text');
    expect(await readFile(path, 'utf8')).toBe('text');
    expect(await readdir(dir)).toEqual(['f.bin']);
  });

  it('fails without leaving anything behind, and names a missing folder unless told to make it', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'keep'), '');
    await mkdir(join(dir, 'full'));
    await writeFile(join(dir, 'full', 'x'), '');
    // Renaming a file over a non-empty directory fails after the temporary file is written.
    await expect(writeFileAtomic(join(dir, 'full'), 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['full', 'keep']);
    await expect(writeFileAtomic(join(dir, 'no', 'such', 'f.txt'), 'x')).rejects.toThrow(/the folder .*no\/such does not exist/);
    await writeFileAtomic(join(dir, 'made', 'f.txt'), 'x', { mkdir: true });
    expect(await readFile(join(dir, 'made', 'f.txt'), 'utf8')).toBe('x');
  });
});

describe('writeStreamAtomic', () => {
  it('publishes the output only when the writer finished; a failing writer leaves the old file', async () => {
    const dir = await temp();
    const path = join(dir, 'out.csv');
    const rows = await writeStreamAtomic(path, async (out) => {
      for (let i = 0; i < 1000; i++) out.write(`${i}\n`);
      return 1000;
    });
    expect(rows).toBe(1000);
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(1001);
    await expect(
      writeStreamAtomic(path, async (out) => {
        out.write('partial\n');
        throw new Error('line 3: bad cell');
      }),
    ).rejects.toThrow('line 3: bad cell');
    expect((await readFile(path, 'utf8')).startsWith('0\n1\n')).toBe(true);
    expect(await readdir(dir)).toEqual(['out.csv']);
  });
});

describe('replaceDirAtomic', () => {
  it('swaps a folder whole, keeps the old one if filling fails, and recovers a half-done swap', async () => {
    const dir = await temp();
    const target = join(dir, 'model');
    await replaceDirAtomic(target, async (t) => writeFile(join(t, 'a'), '1'));
    await replaceDirAtomic(target, async (t) => writeFile(join(t, 'b'), '2'));
    expect(await readdir(target)).toEqual(['b']);
    await expect(replaceDirAtomic(target, async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await readdir(target)).toEqual(['b']);
    expect(await readdir(dir)).toEqual(['model']);
    // A swap killed between its renames: only the .previous- sibling is left.
    const { rename } = await import('node:fs/promises');
    await rename(target, join(dir, 'model.previous-1-abcd'));
    await recoverDir(target);
    expect(await readdir(target)).toEqual(['b']);
  });
});
