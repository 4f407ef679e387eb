import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRegularFile, formatBytes, readRegularFile } from './read-file.js';

describe('readRegularFile', () => {
  it('reads a regular file whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-core-read-'));
    await writeFile(join(dir, 'f'), 'hello');
    expect(new TextDecoder().decode(await readRegularFile(join(dir, 'f')))).toBe('hello');
  });

  it('refuses a FIFO, a device and a folder at once instead of hanging, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-core-read-'));
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(readRegularFile(fifo, { what: 'the model file' })).rejects.toThrow(`${fifo}: the model file is a FIFO (named pipe), not a regular file`);
    await expect(readRegularFile('/dev/zero')).rejects.toThrow('/dev/zero: the file is a character device, not a regular file');
    await expect(readRegularFile(dir)).rejects.toThrow(`${dir}: the file is a folder, not a regular file`);
    await expect(readRegularFile(join(dir, 'missing'))).rejects.toThrow(/missing: the file does not exist/);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-core-read-'));
    await writeFile(join(dir, 'big'), new Uint8Array(3000));
    await expect(checkRegularFile(join(dir, 'big'), { maxBytes: 2000, what: 'the CSV' })).rejects.toThrow('the CSV is 3.0 kB, more than the limit of 2.0 kB');
    expect(await checkRegularFile(join(dir, 'big'), { maxBytes: 3000 })).toBe(3000);
    expect(formatBytes(1.5e9)).toBe('1.5 GB');
  });
});
