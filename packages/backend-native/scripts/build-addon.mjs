// Builds the N-API addon with node-gyp into dist/native/. Never downloads Node's headers: it
// points node-gyp at the headers of the running Node (`<prefix>/include/node`, Debian's
// nodejs-dev / the official tarballs), or at npm_config_nodedir when that is set.
//
// A failed build does not fail the package build: the reason goes to dist/native/build-error.txt,
// where loadNativeBackend() finds it and reports it, and the apps pick another backend. Set
// LAB_NATIVE_REQUIRED=1 to make a failed build an error instead.
//
// turbo does not cache this step (`build:addon` has `cache: false` in turbo.json, and the
// package's cached `build` outputs leave dist/native/ out), so a build that failed for want of a
// compiler is not replayed from the cache once one is installed. The script keeps its own stamp
// instead, dist/native/build-stamp.json: the SHA-256 of the addon's sources, this script, Node's
// version and ABI and the toolchain (the compiler, make and python3 that node-gyp would run,
// found on PATH, with their `--version`). When the stamp matches, the last result stands (built,
// or failed with its reason) and nothing runs; when anything in it changes, node-gyp runs again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prebuildPath, writePrebuild } from './prebuilds.mjs';
import { which } from './which.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const addonDir = path.join(root, 'addon');
const outDir = path.join(root, 'dist/native');
const errorFile = path.join(outDir, 'build-error.txt');
const addonFile = path.join(outDir, 'lab_native.node');
const stampFile = path.join(outDir, 'build-stamp.json');
fs.mkdirSync(outDir, { recursive: true });

/** The tools node-gyp's make build runs, each as `name=path: first line of --version` (or missing). */
function toolchain() {
  const tools = [process.env.CXX || 'g++', process.env.CC || 'cc', 'make', 'python3'];
  return tools.map((tool) => {
    const found = which(tool.split(' ')[0]);
    if (!found) return `${tool}=missing`;
    const version = spawnSync(found, ['--version'], { encoding: 'utf8' });
    return `${tool}=${found}: ${`${version.stdout ?? ''}`.split('\n')[0] || `exit ${version.status}`}`;
  });
}

/** The stamp's key: what a rebuild depends on. */
function buildKey() {
  const hash = createHash('sha256');
  const files = ['addon/binding.gyp', 'scripts/build-addon.mjs', ...fs.readdirSync(path.join(addonDir, 'src')).sort().map((f) => `addon/src/${f}`)];
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(root, file))).update('\0');
  const env = ['npm_config_nodedir', 'CXXFLAGS', 'CFLAGS', 'LDFLAGS'].map((name) => `${name}=${process.env[name] ?? ''}`);
  hash.update([process.execPath, process.version, process.versions.modules, process.arch, ...env, ...toolchain()].join('\n'));
  return hash.digest('hex');
}

const key = buildKey();
const stamp = fs.existsSync(stampFile) ? JSON.parse(fs.readFileSync(stampFile, 'utf8')) : null;
const result = stamp?.key === key ? (fs.existsSync(addonFile) ? 'built' : fs.existsSync(errorFile) ? 'failed' : null) : null;
if (result === 'built' || (result === 'failed' && process.env.LAB_NATIVE_REQUIRED !== '1')) {
  // prebuilds/ is the package's copy of the same binary; put it back if it was removed.
  if (result === 'built' && !fs.existsSync(path.join(root, prebuildPath()))) writePrebuild(root, addonFile, toolchain()[0]);
  console.log(`@lab/backend-native: the addon is up to date (${result}; dist/native/build-stamp.json matches)`);
  process.exit(0);
}
fs.rmSync(stampFile, { force: true });
fs.rmSync(errorFile, { force: true });
fs.rmSync(addonFile, { force: true });
const writeStamp = (ok) => fs.writeFileSync(stampFile, `${JSON.stringify({ key, ok }, null, 2)}\n`);

function nodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include/node/node_api.h')) ? prefix : undefined;
}

/** node-gyp's entry point: this package's devDependency, else the one npm runs scripts with. */
function resolveNodeGyp() {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    if (process.env.npm_config_node_gyp && fs.existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
    return undefined;
  }
}

function fail(reason) {
  fs.writeFileSync(errorFile, `${reason}\n`);
  writeStamp(false);
  const message = `@lab/backend-native: the native addon was not built: ${reason}`;
  if (process.env.LAB_NATIVE_REQUIRED === '1') {
    console.error(message);
    process.exit(1);
  }
  console.warn(`${message}\n(the package still builds; loadNativeBackend() reports this reason)`);
}

const dir = nodeDir();
if (dir === undefined) {
  fail(`Node's headers are not installed (looked for ${path.resolve(path.dirname(process.execPath), '../include/node/node_api.h')}; set npm_config_nodedir)`);
} else {
  // In the workspace node-gyp is a devDependency; a user's install (scripts/install.mjs) has npm's
  // own, which npm names in npm_config_node_gyp.
  const gyp = resolveNodeGyp();
  if (gyp === undefined) fail('node-gyp is not installed (npm runs install scripts with its own; or `npm i -g node-gyp`)');
  const child = gyp === undefined ? { status: null, error: 'no node-gyp' } : spawnSync(process.execPath, [gyp, 'rebuild', `--nodedir=${dir}`, '--jobs=2', '--loglevel=warn'], {
    cwd: addonDir,
    encoding: 'utf8',
    // An empty CXX or CC (as CI systems set them) would make make run ` -o …`: leave them unset.
    env: Object.fromEntries(Object.entries(process.env).filter(([name, value]) => !(['CXX', 'CC'].includes(name) && !value))),
  });
  const built = path.join(addonDir, 'build/Release/lab_native.node');
  if (gyp === undefined) {
    // fail() has said why.
  } else if (child.status === 0 && fs.existsSync(built)) {
    fs.copyFileSync(built, addonFile);
    // The same binary, in node-gyp-build's layout, is what the packed package ships (dist/native/
    // is left out of it): users on this platform load it without compiling anything.
    const prebuild = writePrebuild(root, built, toolchain()[0]);
    console.log(`@lab/backend-native: built the addon (dist/native/lab_native.node; ${prebuild} for the package)`);
    writeStamp(true);
  } else {
    const log = `${child.stdout ?? ''}${child.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    fail(`node-gyp rebuild exited with ${child.status ?? child.signal ?? child.error}:\n${log}`);
  }
}
