import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAddon } from './addon.js';

// A build that failed for want of a compiler must not stick once a compiler is there: turbo
// never caches scripts/build-addon.mjs (the `build:addon` task), and the script's own stamp
// reruns node-gyp when the toolchain changes. Run on a copy of the package in a temp folder, so
// the real dist/native/ (which other tests load) is never touched.
const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..');
const repo = path.resolve(pkg, '../..');

function copyPackage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-native-build-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  for (const script of ['build-addon.mjs', 'prebuilds.mjs', 'which.mjs']) fs.copyFileSync(path.join(pkg, 'scripts', script), path.join(dir, 'scripts', script));
  fs.mkdirSync(path.join(dir, 'addon'));
  fs.copyFileSync(path.join(pkg, 'addon/binding.gyp'), path.join(dir, 'addon/binding.gyp'));
  fs.cpSync(path.join(pkg, 'addon/src'), path.join(dir, 'addon/src'), { recursive: true });
  fs.symlinkSync(path.join(pkg, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function build(dir: string, env: Record<string, string | undefined>) {
  const merged: Record<string, string | undefined> = { ...process.env, CXX: undefined, CC: undefined, LAB_NATIVE_REQUIRED: undefined, ...env };
  const r = spawnSync(process.execPath, [path.join(dir, 'scripts/build-addon.mjs')], { cwd: dir, env: merged, encoding: 'utf8', timeout: 240_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('scripts/build-addon.mjs', () => {
  it('keeps a failed build only while the toolchain is unchanged, and builds once a compiler is there', () => {
    const dir = copyPackage();
    const native = path.join(dir, 'dist/native');
    try {
      const noCompiler = { CXX: path.join(dir, 'no-such-g++') };
      const failed = build(dir, noCompiler);
      expect(failed.status, failed.out).toBe(0); // a failed addon does not fail the package build
      expect(fs.readFileSync(path.join(native, 'build-error.txt'), 'utf8')).toMatch(/node-gyp rebuild exited with/);
      expect(fs.existsSync(path.join(native, 'lab_native.node'))).toBe(false);
      expect(JSON.parse(fs.readFileSync(path.join(native, 'build-stamp.json'), 'utf8')).ok).toBe(false);

      // Same toolchain: the failure stands and node-gyp does not run again.
      fs.rmSync(path.join(dir, 'addon/build'), { recursive: true, force: true });
      const again = build(dir, noCompiler);
      expect(again.out).toMatch(/up to date \(failed;/);
      expect(fs.existsSync(path.join(dir, 'addon/build'))).toBe(false);
      // LAB_NATIVE_REQUIRED=1 retries instead, and fails.
      expect(build(dir, { ...noCompiler, LAB_NATIVE_REQUIRED: '1' }).status).toBe(1);

      // The compiler appears (here: CXX unset, so the machine's g++): the addon is built.
      const fixed = build(dir, {});
      expect(fixed.status, fixed.out).toBe(0);
      expect(fs.existsSync(path.join(native, 'build-error.txt'))).toBe(false);
      const loaded = loadAddon(path.join(native, 'lab_native.node'));
      expect('addon' in loaded, 'reason' in loaded ? loaded.reason : '').toBe(true);
      expect(build(dir, {}).out).toMatch(/up to date \(built;/);
      // The same binary is laid out for the package as node-gyp-build finds it.
      const libc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime ? 'glibc' : 'musl';
      const prebuild = path.join(dir, 'prebuilds', `${process.platform}-${process.arch}`, `lab_native.napi.${libc}.node`);
      expect(fs.readFileSync(prebuild).equals(fs.readFileSync(path.join(native, 'lab_native.node')))).toBe(true);

      // A changed source invalidates the stamp as well.
      fs.appendFileSync(path.join(dir, 'addon/src/enums.h'), '\n');
      expect(build(dir, { CXX: path.join(dir, 'no-such-g++') }).out).toMatch(/the native addon was not built/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('is a turbo task that is never cached, and the cached build leaves dist/native/ out', () => {
    const root = JSON.parse(fs.readFileSync(path.join(repo, 'turbo.json'), 'utf8'));
    const own = JSON.parse(fs.readFileSync(path.join(pkg, 'turbo.json'), 'utf8'));
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
    expect(root.tasks['build:addon'].cache).toBe(false);
    expect(own.tasks.build.dependsOn).toContain('build:addon');
    expect(own.tasks.build.outputs).toContain('!dist/native/**');
    expect(manifest.scripts['build:addon']).toBe('node scripts/build-addon.mjs');
  });
});
