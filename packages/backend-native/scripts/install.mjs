// The package's install script, for users (`npm install @lab/backend-native`): it says which
// addon this machine will use, and builds one from source only when no prebuilt one fits.
//
// 1. A prebuilt addon for this platform (prebuilds/, found by node-gyp-build as the runtime
//    loader finds it) that loads here: used; nothing is compiled.
// 2. Otherwise, with a C++ toolchain (g++ or $CXX, make, python3) and Node's headers: a source
//    build into dist/native/ (scripts/build-addon.mjs), which the loader prefers.
// 3. Otherwise one line saying why, and the install still succeeds: lab's apps fall back to the
//    wasm backend, and loadNativeBackend() reports the same reason.
//
// In the lab workspace itself (the package is not under node_modules) it does nothing: `pnpm
// build` builds the addon there.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glibcVersion, libc, readPrebuildInfo } from './prebuilds.mjs';
import { which } from './which.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => console.log(`@lab/backend-native: ${line}`);
const platform = [`${process.platform}-${process.arch}`, libc()].filter(Boolean).join(' ');

if (!root.split(path.sep).includes('node_modules')) process.exit(0);

/** The prebuild node-gyp-build picks for this platform, or why there is none. */
function findPrebuild() {
  try {
    return { file: require('node-gyp-build').path(root) };
  } catch (error) {
    return { why: String(error instanceof Error ? error.message : error).split('\n')[0] };
  }
}

/** Why `file` does not load here, or undefined when it does. */
function loadError(file) {
  try {
    require(file);
    return undefined;
  } catch (error) {
    return String(error instanceof Error ? error.message : error).split('\n')[0];
  }
}

const found = findPrebuild();
let reason;
if (found.file) {
  const failed = loadError(found.file);
  const info = readPrebuildInfo(found.file);
  const glibc = info?.glibcNeeded ? ` glibc ≥ ${info.glibcNeeded}${glibcVersion() ? ` (this system: ${glibcVersion()})` : ''}` : '';
  const libstdcxx = info?.libstdcxxNeeded ? ` libstdc++ GLIBCXX_${info.libstdcxxNeeded}` : '';
  const needs = glibc || libstdcxx ? `, needs${glibc}${glibc && libstdcxx ? ' and' : ''}${libstdcxx}` : '';
  const built = info?.compiler ? `, built with ${info.compiler.replace(/^[^:]*: /, '')}` : '';
  if (failed === undefined) {
    say(`using the prebuilt addon ${path.relative(root, found.file)} (${platform}, N-API ${info?.napi ?? 8}${needs}${built})`);
    process.exit(0);
  }
  reason = `the prebuilt addon ${path.relative(root, found.file)} does not load here (${failed})`;
} else {
  reason = `no prebuilt addon for ${platform} (${found.why})`;
}

// What node-gyp's make build will run: $CXX, else g++ (as build-addon.mjs's stamp records it).
const tools = { 'a C++ compiler (g++)': which((process.env.CXX || 'g++').split(' ')[0]), make: which('make'), python3: which('python3') };
const missing = Object.entries(tools).filter(([, found]) => !found).map(([tool]) => tool);
if (missing.length > 0) {
  say(`${reason}; cannot build it from source (missing: ${missing.join(', ')}), so the native backend is unavailable and lab's apps use wasm (install g++, make and python3 and run \`npm rebuild @lab/backend-native\` to build it)`);
  process.exit(0);
}
say(`${reason}; building it from source with ${tools['a C++ compiler (g++)']}`);
// build-addon.mjs reports its own result and never fails the install (a failed build leaves its
// reason in dist/native/build-error.txt for loadNativeBackend() to report).
spawnSync(process.execPath, [path.join(root, 'scripts/build-addon.mjs')], { stdio: 'inherit', env: process.env });
