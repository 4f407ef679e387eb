import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What a newcomer sees first: `pnpm lab …` works in the caller's folder (pnpm runs the script
// from the repository root and passes the caller's folder as INIT_CWD), and the Backend line is
// short unless --verbose asks why.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const root = path.resolve(here, '../../..');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');

describe('the lab command as pnpm runs it', () => {
  it('resolves relative paths against the folder pnpm was called from', () => {
    const caller = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-caller-'));
    fs.symlinkSync(shared, path.join(caller, 'mnist'));
    const env = { ...process.env, LAB_DATA_DIR: undefined, npm_lifecycle_event: 'lab', INIT_CWD: caller };
    const r = spawnSync(process.execPath, [bin, 'train', '--data', 'mnist', '--limit', '200', '--epochs', '1', '--out', 'myrun'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(caller, 'myrun', 'model', 'model.json'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'myrun'))).toBe(false);
  });

  it('prints one short Backend line, and the whole reason with --verbose', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-verbose-'));
    const run = (extra: string[]) => spawnSync(process.execPath, [bin, ...extra, 'train', '--data', shared, '--limit', '100', '--epochs', '1'], { cwd, encoding: 'utf8', timeout: 120_000 });
    const short = run([]);
    expect(short.status, short.stderr).toBe(0);
    const line = short.stdout.split('\n').find((l) => l.startsWith('Backend:'))!;
    expect(line.length).toBeLessThan(110);
    expect(line).toMatch(/^Backend: \w[\w-]* \(auto/);
    const verbose = run(['--verbose']);
    expect(verbose.status, verbose.stderr).toBe(0);
    expect(verbose.stdout).toMatch(/Backend: \w[\w-]* \(auto: fastest that loaded/);
  });
});
