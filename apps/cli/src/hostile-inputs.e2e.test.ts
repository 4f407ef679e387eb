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
  // One error line (commander adds a usage hint below its own), after the Backend line if any.
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('Backend:') && !l.startsWith('Data:') && l !== '(run with --help for usage)');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
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

  it('absurd sizes are refused up front, naming the flag and the limit', () => {
    const idx = path.join(root, 'tiny-idx3-ubyte');
    fs.writeFileSync(idx, Uint8Array.from([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4]));
    expectOneLineError(lab(['preprocess', 'denoise', idx, '-o', path.join(root, 'd.idx'), '--size', '100000']), /--size must be an integer from 1 to 99, got '100000'/);
    expectOneLineError(lab(['preprocess', 'denoise', idx, '-o', path.join(root, 'd.idx'), '--filter', 'gaussian', '--sigma', '1e9']), /--sigma must be a positive number up to 25, got '1e9'/);
    expectOneLineError(lab(['train', '--denoise', 'median:100000', '--limit', '10']), /--denoise: size 100000 is above the limit of 99/);
    expectOneLineError(lab(['train', '--hidden', '100000000', '--limit', '10']), /--hidden must be an integer from 1 to 65536/);
    expectOneLineError(lab(['cv', '--folds', '1']), /--folds must be an integer from 2 to 1000 \(cross-validation needs two folds or more\), got '1'/);
  });

  it('stack traces only with LAB_DEBUG; a flag value of any length is quoted cut to one short line', () => {
    const folds = ['cv', '--folds', '5', '--limit', '3', '--epochs', '1', '--backend', 'cpu'];
    expectOneLineError(lab(folds), /^lab: error: --folds \(5\) cannot be greater than the number of samples \(3\)$/);
    const debug = spawnSync(process.execPath, [bin, ...folds], { encoding: 'utf8', cwd: root, timeout: 30_000, env: { ...process.env, LAB_DEBUG: '1' } });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at .*stratifiedKFold/);
    for (const args of [['train', '--epochs', 'x'.repeat(10_000)], ['train', `--no-such-flag-${'x'.repeat(10_000)}`], ['train', '--optimizer', 'y'.repeat(10_000)]]) {
      const r = lab(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^lab: error: /);
      expect(r.stderr.length).toBeLessThan(1000);
    }
  });

  it('non-finite values are errors, not empty cells; a header-only table is named; long cells are cut', () => {
    fs.writeFileSync(path.join(root, 'inf.csv'), 'a,b\n1,2\n1e999,3\n');
    expectOneLineError(lab(['preprocess', 'scale', path.join(root, 'inf.csv'), '-o', path.join(root, 'o.csv')]), /inf\.csv: data row 2, column 1 \("a"\) is Infinity, not a finite number/);
    fs.writeFileSync(path.join(root, 'gap.csv'), 'a,b\n1,2\n3,\n');
    expectOneLineError(lab(['preprocess', 'impute', path.join(root, 'gap.csv'), '-o', path.join(root, 'o.csv'), '--strategy', 'constant', '--fill-value', 'NaN']), /--fill-value must be a finite number, got 'NaN'/);
    fs.writeFileSync(path.join(root, 'header.csv'), 'a,b\n');
    expectOneLineError(lab(['preprocess', 'impute', path.join(root, 'header.csv'), '-o', path.join(root, 'o.csv')]), /header\.csv: the table has no data rows/);
    expect(fs.existsSync(path.join(root, 'o.csv'))).toBe(false);
    fs.writeFileSync(path.join(root, 'huge.csv'), `a,b\n${'x'.repeat(2_000_000)},1\n`);
    const huge = lab(['preprocess', 'scale', path.join(root, 'huge.csv'), '-o', path.join(root, 'o.csv')]);
    expect(huge.code).not.toBe(0);
    expect(huge.stderr.length).toBeLessThan(600);
  });

  it('predict refuses pixels outside 0–255 (or warns with --allow-out-of-range) and a model with NaN weights', () => {
    const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
    const run = path.join(root, 'run');
    const trained = lab(['train', ...(fs.existsSync(shared) ? ['--data', shared] : []), '--limit', '300', '--epochs', '1', '--seed', '1', '--backend', 'wasm', '--out', run]);
    expect(trained.code, trained.stderr).toBe(0);
    const model = path.join(run, 'model');
    const csv = path.join(root, 'scaled.csv');
    fs.writeFileSync(csv, `${Array.from({ length: 784 }, (_, i) => (i === 300 ? 1000 : 0.5)).join(',')}\n`);
    expectOneLineError(lab(['predict', '--model', model, csv, '--backend', 'cpu']), /scaled\.csv:1: pixel 301 is 1000, outside the 0–255 range the model was trained on \(pass --allow-out-of-range to predict anyway\)/);
    // Through the CLI, what was tested only in the libraries: a forged gzip trailer in an input
    // (the model loads, so the gzip is read), a folder or a device given as an input, and CSV rows
    // whose garbled or empty cell was skipped as a header or read as 0.
    const bomb = path.join(root, 'forged-idx3-ubyte.gz');
    fs.writeFileSync(bomb, Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]));
    expectOneLineError(lab(['predict', '--model', model, bomb, '--backend', 'cpu']), /forged-idx3-ubyte\.gz: corrupt gzip stream \(the trailer declares 4294967295 bytes, more than 20 compressed bytes can hold\)/);
    expectOneLineError(lab(['predict', '--model', model, root, '--backend', 'cpu']), /lab-hostile-\w+: .*is a folder, not a regular file/);
    expectOneLineError(lab(['predict', '--model', model, '/dev/zero', '--backend', 'cpu']), /\/dev\/zero: .*is a character device, not a regular file/);
    expectOneLineError(lab(['preprocess', 'impute', root, '-o', path.join(root, 'o.csv')]), /lab-hostile-\w+: .*is a folder, not a regular file/);
    const row = (cell: string) => Array.from({ length: 784 }, (_, i) => (i === 5 ? cell : '0')).join(',');
    fs.writeFileSync(path.join(root, 'garbled.csv'), `${row('x7')}\n${row('7')}\n`);
    expectOneLineError(lab(['predict', '--model', model, path.join(root, 'garbled.csv'), '--backend', 'cpu']), /garbled\.csv:1: column 6 is not a number \("x7"\)/);
    fs.writeFileSync(path.join(root, 'empty-cell.csv'), `${row('')}\n`);
    expectOneLineError(lab(['predict', '--model', model, path.join(root, 'empty-cell.csv'), '--backend', 'cpu']), /empty-cell\.csv:1: column 6 is empty/);
    fs.writeFileSync(path.join(root, 'with-header.csv'), `${Array.from({ length: 784 }, (_, i) => `pixel${i}`).join(',')}\n${row('7')}\n`);
    expect(lab(['predict', '--model', model, path.join(root, 'with-header.csv'), '--backend', 'cpu']).stdout).toMatch(/with-header\.csv:2: /);
    const allowed = lab(['predict', '--model', model, csv, '--backend', 'cpu', '--allow-out-of-range']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain('warning: ');
    const weights = path.join(model, 'weights.bin');
    const bytes = fs.readFileSync(weights);
    new DataView(bytes.buffer, bytes.byteOffset).setFloat32(40, Number.NaN, true);
    fs.writeFileSync(weights, bytes);
    for (const backend of ['cpu', 'native']) {
      expectOneLineError(lab(['predict', '--model', model, csv, '--backend', backend, '--allow-out-of-range']), /weight 'dense\w*\/kernel' holds NaN or infinite values/);
      expectOneLineError(lab(['evaluate', '--model', model, '--backend', backend]), /weight 'dense\w*\/kernel' holds NaN or infinite values/);
    }
  });
});

