import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `lab preprocess impute|scale` on a file above the streaming threshold (lowered here with
// LAB_PREPROCESS_STREAM_BYTES, so the test file stays small) goes through @lab/preprocess's
// two-pass transformTableFile; its output and saved pipeline must be byte-identical to the
// whole-file path's on the same table. (A 144 MB, 2M-row CSV, which crashed the whole-file path
// with V8 out of memory, streams with a 128 MB heap: see transformTableFile's commit.)
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');

function lab(args: string[], cwd: string, streamBytes?: number) {
  const env = { ...process.env, LAB_PREPROCESS_STREAM_BYTES: streamBytes === undefined ? '' : String(streamBytes) };
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env, timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('lab preprocess on a large table: two streaming passes', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-stream-cli-'));
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const lines = ['x,y,empty,z'];
  for (let r = 0; r < 3000; r++) {
    const cell = (p: number, v: () => number) => (random() < p ? '' : String(v()));
    lines.push([cell(0.2, () => Math.round(random() * 8) / 4), cell(0.1, () => (random() - 0.5) * 1000), '', cell(0.5, () => -random())].join(','));
  }
  fs.writeFileSync(path.join(cwd, 'table.csv'), `${lines.join('\n')}\n`);

  const commands: [string, string[]][] = [
    ['impute median', ['preprocess', 'impute', '--strategy', 'median']],
    ['impute mean', ['preprocess', 'impute', '--strategy', 'mean']],
    ['impute most-frequent', ['preprocess', 'impute', '--strategy', 'most-frequent']],
    ['scale minmax', ['preprocess', 'scale', '--method', 'minmax']],
  ];
  for (const [name, args] of commands) {
    it(`${name}: the same output and pipeline as the whole-file path`, () => {
      const slug = name.replace(/ /g, '-');
      const whole = lab([...args, 'table.csv', '-o', `${slug}-whole.csv`, '--save-pipeline', `${slug}-whole.json`], cwd);
      expect(whole.code, whole.stderr).toBe(0);
      expect(whole.stdout).not.toContain('streamed');
      const streamed = lab([...args, 'table.csv', '-o', `${slug}-stream.csv`, '--save-pipeline', `${slug}-stream.json`], cwd, 1000);
      expect(streamed.code, streamed.stderr).toBe(0);
      expect(streamed.stdout).toMatch(/table\.csv → .*-stream\.csv: 3000 rows, \d columns.* \(0\.\d MB, streamed in two passes\)/);
      const read = (file: string) => fs.readFileSync(path.join(cwd, file), 'utf8');
      expect(read(`${slug}-stream.csv`)).toBe(read(`${slug}-whole.csv`));
      expect(read(`${slug}-stream.json`)).toBe(read(`${slug}-whole.json`));
    }, 60_000);
  }

  it('refuses KNN imputation of a large file and names non-numeric cells in the command’s terms', () => {
    const knn = lab(['preprocess', 'impute', '--strategy', 'knn', 'table.csv', '-o', 'knn.csv'], cwd, 1000);
    expect(knn.code).toBe(1);
    expect(knn.stderr).toContain('too large to impute with --strategy knn');
    fs.writeFileSync(path.join(cwd, 'text.csv'), `a,b\n1,2\n3,x\n${'4,5\n'.repeat(300)}`);
    const text = lab(['preprocess', 'impute', 'text.csv', '-o', 'text-out.csv'], cwd, 100);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('text.csv: line 3, column 2 ("b"): "x" is not a number; lab preprocess impute takes numeric tables');
    expect(text.stderr).not.toContain('stringColumns');
    expect(fs.existsSync(path.join(cwd, 'text-out.csv'))).toBe(false);
  });

  it('streams a 20 MB table through a 64 MB heap that the whole-file path runs out of', () => {
    const rows = ['a,b,c,d'];
    for (let r = 0; r < 300_000; r++) rows.push([0, 1, 2, 3].map(() => (random() < 0.1 ? '' : String(random() * 1000))).join(','));
    fs.writeFileSync(path.join(cwd, 'big.csv'), `${rows.join('\n')}\n`);
    const small = (streamBytes: number) => {
      const env = { ...process.env, LAB_PREPROCESS_STREAM_BYTES: String(streamBytes) };
      return spawnSync(process.execPath, ['--max-old-space-size=64', bin, 'preprocess', 'impute', 'big.csv', '-o', 'big-out.csv'], { encoding: 'utf8', cwd, env, timeout: 120_000 });
    };
    const streamed = small(1_000_000);
    expect(streamed.status, streamed.stderr).toBe(0);
    expect(streamed.stdout).toMatch(/300000 rows, 4 columns \(\d+\.\d MB, streamed in two passes\)/);
    expect(fs.readFileSync(path.join(cwd, 'big-out.csv'), 'utf8').split('\n')).toHaveLength(300_002);
    // The same file read whole under the same heap: V8 aborts (the crash streaming avoids), which
    // shows the heap is small enough for this test to mean something.
    const whole = small(1e9);
    expect(whole.status).not.toBe(0);
    expect(fs.statSync(path.join(cwd, 'big-out.csv')).size, 'the streamed output is not touched by the failed run').toBeGreaterThan(15e6);
  }, 120_000);
});
