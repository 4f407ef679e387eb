import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAddon, prebuiltAddonPath } from './addon.js';

// The prebuilt addon the package ships, in node-gyp-build's layout, is found for this platform
// and loads; a folder without one for this platform gives none (the loader then explains).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const libc = (process.report.getReport() as { header: { glibcVersionRuntime?: string } }).header.glibcVersionRuntime ? 'glibc' : 'musl';
const name = `lab_native.napi.${libc}.node`;

describe('prebuilt addons (prebuilds/<platform>-<arch>/lab_native.napi.<libc>.node)', () => {
  it('the build wrote one for this platform, with its description, and node-gyp-build finds and loads it', () => {
    const file = path.join(root, 'prebuilds', `${process.platform}-${process.arch}`, name);
    expect(fs.existsSync(file), `${file}: run pnpm build`).toBe(true);
    expect(prebuiltAddonPath()).toBe(file);
    const info = JSON.parse(fs.readFileSync(file.replace(/\.node$/, '.json'), 'utf8')) as Record<string, unknown>;
    expect(info).toMatchObject({ platform: process.platform, arch: process.arch, libc, napi: 8 });
    if (libc === 'glibc') expect(info.glibcNeeded).toMatch(/^2\.\d+$/);
    expect('addon' in loadAddon(file), 'the prebuild loads').toBe(true);
  });

  it('picks the file for this platform and libc among others, and none where there is none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-prebuilds-'));
    expect(prebuiltAddonPath(dir)).toBeUndefined();
    const here = path.join(dir, 'prebuilds', `${process.platform}-${process.arch}`);
    const other = path.join(dir, 'prebuilds', 'win32-arm64');
    fs.mkdirSync(here, { recursive: true });
    fs.mkdirSync(other, { recursive: true });
    fs.writeFileSync(path.join(other, 'lab_native.napi.node'), '');
    expect(prebuiltAddonPath(dir)).toBeUndefined();
    fs.writeFileSync(path.join(here, `lab_native.napi.${libc === 'glibc' ? 'musl' : 'glibc'}.node`), '');
    expect(prebuiltAddonPath(dir), 'the other libc does not fit').toBeUndefined();
    fs.writeFileSync(path.join(here, name), '');
    expect(prebuiltAddonPath(dir)).toBe(path.join(here, name));
  });
});
