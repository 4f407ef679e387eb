import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `--quiet`: the result and the warnings, nothing else (no backend, seed, data or settings lines,
// no progress, no summaries), from the built executable on the default backend.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataArgs = fs.existsSync(shared) ? ['--data', shared] : [];
const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-quiet-'));

function lab(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, LAB_DATA_DIR: undefined }, timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--quiet', () => {
  it('train, evaluate and cv print their scores only; predict its predictions and its warning; preprocess nothing', () => {
    const train = lab(['train', ...dataArgs, '--limit', '300', '--epochs', '1', '--seed', '1', '--out', 'run', '--quiet']);
    expect(train.code, train.stderr).toBe(0);
    expect(train.stdout).toMatch(/^Test accuracy: 0\.\d{4}\n$/);
    expect(train.stderr).toBe('');
    const evaluated = lab(['--quiet', 'evaluate', '--model', 'run', ...dataArgs]);
    expect(evaluated.stdout).toBe(train.stdout);
    expect(evaluated.stderr).toBe('');
    const cv = lab(['cv', ...dataArgs, '--limit', '300', '--folds', '2', '--epochs', '1', '--seed', '1', '--quiet']);
    expect(cv.code, cv.stderr).toBe(0);
    expect(cv.stdout).toMatch(/^accuracy 0\.\d{4} ± 0\.\d{4}, precision 0\.\d{4} ± 0\.\d{4}, recall 0\.\d{4} ± 0\.\d{4}, f1 0\.\d{4} ± 0\.\d{4}\n$/);

    const csv = path.join(cwd, 'bright.csv');
    fs.writeFileSync(csv, `${Array.from({ length: 784 }, (_, i) => (i === 3 ? 300 : 0)).join(',')}\n`);
    const predicted = lab(['predict', '--model', 'run', csv, '--allow-out-of-range', '--quiet']);
    expect(predicted.code, predicted.stderr).toBe(0);
    expect(predicted.stdout).toMatch(/^.*bright\.csv:1: \d \(\d+\.\d%\), \d \(\d+\.\d%\), \d \(\d+\.\d%\)\n$/);
    expect(predicted.stderr).toMatch(/^warning: /);

    fs.writeFileSync(path.join(cwd, 'gaps.csv'), 'a,b\n1,\n3,4\n');
    const imputed = lab(['preprocess', 'impute', 'gaps.csv', '-o', 'filled.csv', '--quiet']);
    expect(imputed.code, imputed.stderr).toBe(0);
    expect(`${imputed.stdout}${imputed.stderr}`).toBe('');
    expect(fs.readFileSync(path.join(cwd, 'filled.csv'), 'utf8')).toBe('a,b\n1,4\n3,4\n');
  });

  it('does not go with --verbose, and errors still show', () => {
    expect(lab(['--quiet', '--verbose', 'train']).stderr).toContain("lab: error: option '--quiet' cannot be used with option '--verbose'");
    const bad = lab(['evaluate', '--model', 'nowhere', '--quiet']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/^lab: error: /);
  });
});
