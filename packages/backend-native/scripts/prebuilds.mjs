// The prebuilt addons shipped in the package, in node-gyp-build's layout so that its loader finds
// the one for the running platform: prebuilds/<platform>-<arch>/lab_native.napi.<libc>.node
// (`napi`: one binary for every Node version with N-API 8, Node >= 20; `glibc` or `musl` on
// Linux), each with a .json beside it saying what it was built with and what it needs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** `glibc` or `musl` on Linux (as node-gyp-build tells them apart), else undefined. */
export function libc() {
  if (process.platform !== 'linux') return undefined;
  const report = process.report?.getReport?.();
  return report?.header?.glibcVersionRuntime ? 'glibc' : 'musl';
}

/** The running system's glibc version (`2.36`), or undefined (musl, not Linux). */
export function glibcVersion() {
  return process.report?.getReport?.()?.header?.glibcVersionRuntime;
}

/** The folder and file name of the prebuild for this platform, relative to the package root. */
export function prebuildPath() {
  const tags = ['lab_native', 'napi', libc(), 'node'].filter(Boolean).join('.');
  return path.join('prebuilds', `${process.platform}-${process.arch}`, tags);
}

/**
 * The newest `<prefix>x.y[.z]` symbol version `file` needs, read with binutils' objdump:
 * `GLIBC_` gives the lowest glibc it loads on, `GLIBCXX_` the lowest libstdc++ (3.4.30 is GCC
 * 12's). Undefined when objdump is missing or the file needs none.
 */
export function symbolVersionNeeded(file, prefix) {
  const dump = spawnSync('objdump', ['-T', file], { encoding: 'utf8' });
  if (dump.status !== 0) return undefined;
  const versions = [...dump.stdout.matchAll(new RegExp(`\\b${prefix}(\\d+)\\.(\\d+)(?:\\.(\\d+))?`, 'g'))].map((m) => [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)]);
  if (versions.length === 0) return undefined;
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const [major, minor, patch] = versions.at(-1);
  return patch ? `${major}.${minor}.${patch}` : `${major}.${minor}`;
}

/**
 * Copies the addon built at `built` into the package's prebuilds/ for this platform and writes
 * its description beside it: platform, libc and the glibc it needs, the compiler, the SHA-256.
 * Returns the prebuild's path relative to `root`.
 */
export function writePrebuild(root, built, compiler) {
  const relative = prebuildPath();
  const target = path.join(root, relative);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(built, target);
  const bytes = fs.readFileSync(target);
  const info = {
    platform: process.platform,
    arch: process.arch,
    libc: libc(),
    glibcNeeded: libc() === 'glibc' ? symbolVersionNeeded(target, 'GLIBC_') : undefined,
    libstdcxxNeeded: symbolVersionNeeded(target, 'GLIBCXX_'),
    napi: 8,
    compiler,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  fs.writeFileSync(target.replace(/\.node$/, '.json'), `${JSON.stringify(info, null, 2)}\n`);
  return relative;
}

/** The description written beside the prebuild at `file`, or undefined. */
export function readPrebuildInfo(file) {
  const json = file.replace(/\.node$/, '.json');
  return fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, 'utf8')) : undefined;
}
