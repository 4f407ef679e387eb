import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// Special files where a data, config or model file is expected, and forged files: each must be a
// one-line error naming the file, a non-zero exit, and no hang (every run has a 30 s limit; a hang
// fails the test with a null exit status).
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-hostile-'));
const fifo = path.join(root, 'pipe.csv');

function lab(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 30_000, env: { ...process.env, LAB_DEBUG: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(r: ReturnType<typeof lab>, pattern: RegExp) {
  expect(r.code, `${r.stderr} (null: killed by the time limit, i.e. it hung)`).not.toBe(0);
  expect(r.code).not.toBeNull();
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('Backend:'));
  expect(lines.at(-1)).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.length).toBeLessThan(2000);
}

beforeAll(() => {
  execFileSync('mkfifo', [fifo]);
});

describe('special files and forged inputs', () => {
  it('a FIFO or /dev/zero where a table, image, config or IDX file is expected', () => {
    expectOneLineError(lab(['preprocess', 'impute', fifo, '-o', path.join(root, 'out.csv')]), /pipe\.csv: the table is a FIFO \(named pipe\), not a regular file/);
    expectOneLineError(lab(['preprocess', 'convert', fifo, '-o', path.join(root, 'out.txt')]), /pipe\.csv: the input table is a FIFO/);
    expectOneLineError(lab(['preprocess', 'denoise', '/dev/zero', '-o', path.join(root, 'out.idx'), '--backend', 'cpu']), /\/dev\/zero: the IDX image file is a character device, not a regular file/);
    expectOneLineError(lab(['train', '--config', '/dev/zero', '--limit', '10']), /\/dev\/zero: the --config file is a character device/);
    expectOneLineError(lab(['train', '--config', root, '--limit', '10']), /the --config file is a folder, not a regular file/);
    expect(fs.existsSync(path.join(root, 'out.csv'))).toBe(false);
  });

  it('an MNIST folder whose file is a FIFO, and a forged gzip file', () => {
    const data = path.join(root, 'mnist');
    fs.mkdirSync(data);
    for (const name of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte']) execFileSync('mkfifo', [path.join(data, name)]);
    // 20 bytes: a gzip header, an empty block, and a trailer claiming 4 GB.
    fs.writeFileSync(path.join(data, 't10k-labels-idx1-ubyte.gz'), Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]));
    expectOneLineError(lab(['train', '--data', data, '--backend', 'cpu', '--limit', '10']), /is a FIFO \(named pipe\), not a regular file|corrupt gzip stream/);
    const started = Date.now();
    expectOneLineError(lab(['predict', '--model', root, path.join(data, 't10k-labels-idx1-ubyte.gz'), '--backend', 'cpu']), /model\.json: not found|corrupt gzip/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
