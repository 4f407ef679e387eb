import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAddon } from './addon.js';

// scripts/install.mjs, run as npm runs it for a user: on a copy of the package under a
// node_modules folder. It says which addon the machine gets: the prebuilt one, else a source build
// where a toolchain is, else one line saying why (and the install still succeeds).
const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const libc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime ? 'glibc' : 'musl';
const prebuild = path.join('prebuilds', `${process.platform}-${process.arch}`, `lab_native.napi.${libc}.node`);

function installedCopy(withPrebuild: boolean): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lab-native-install-')), 'node_modules', '@lab', 'backend-native');
  fs.mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  for (const script of ['install.mjs', 'build-addon.mjs', 'prebuilds.mjs', 'which.mjs']) fs.copyFileSync(path.join(pkg, 'scripts', script), path.join(dir, 'scripts', script));
  fs.cpSync(path.join(pkg, 'addon/src'), path.join(dir, 'addon/src'), { recursive: true });
  fs.copyFileSync(path.join(pkg, 'addon/binding.gyp'), path.join(dir, 'addon/binding.gyp'));
  fs.symlinkSync(path.join(pkg, 'node_modules'), path.join(dir, 'node_modules'));
  if (withPrebuild) {
    fs.mkdirSync(path.dirname(path.join(dir, prebuild)), { recursive: true });
    for (const ext of ['.node', '.json']) fs.copyFileSync(path.join(pkg, prebuild.replace(/\.node$/, ext)), path.join(dir, prebuild.replace(/\.node$/, ext)));
  }
  return dir;
}

/** Runs the install script with PATH holding only node, as on a machine without build tools, or with the whole PATH. */
function install(dir: string, toolchain: boolean) {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-bin-'));
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  const PATH = toolchain ? process.env.PATH : bin;
  const r = spawnSync(process.execPath, [path.join(dir, 'scripts/install.mjs')], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH, CXX: '', CC: '' }, timeout: 240_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('scripts/install.mjs (the package’s install script)', () => {
  it('chooses the prebuilt addon and says which, compiling nothing', () => {
    const dir = installedCopy(true);
    const r = install(dir, false);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(new RegExp(`^@lab/backend-native: using the prebuilt addon ${prebuild.replace(/\./g, '\\.')} \\(${process.platform}-${process.arch} ${libc}, N-API 8, needs glibc ≥ 2\\.\\d+ \\(this system: 2\\.\\d+\\) and libstdc\\+\\+ GLIBCXX_3\\.4\\.\\d+, built with g\\+\\+ `));
    expect(fs.existsSync(path.join(dir, 'addon/build'))).toBe(false);
  });

  it('without a prebuild and without a compiler: one line saying why, and the install succeeds', () => {
    const dir = installedCopy(false);
    const r = install(dir, false);
    expect(r.status).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/^@lab\/backend-native: no prebuilt addon for linux-x64 glibc \(No native build was found for .*\); cannot build it from source \(missing: a C\+\+ compiler \(g\+\+\), make, python3\), so the native backend is unavailable and lab's apps use wasm/);
  });

  it('without a prebuild but with a toolchain: builds it from source, and the loader takes that build', () => {
    const dir = installedCopy(false);
    const r = install(dir, true);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/no prebuilt addon for .*; building it from source with .*g\+\+/);
    expect('addon' in loadAddon(path.join(dir, 'dist/native/lab_native.node'))).toBe(true);
  }, 240_000);
});
