// Builds the N-API addon with node-gyp and copies it to dist/native/, so that turbo's cached
// outputs (dist/**) carry it. Never downloads Node's headers: it points node-gyp at the headers
// of the running Node (`<prefix>/include/node`, Debian's nodejs-dev / the official tarballs), or
// at npm_config_nodedir when that is set.
//
// A failed build does not fail the package build: the reason goes to dist/native/build-error.txt,
// where loadNativeBackend() finds it and reports it, and the apps pick another backend. Set
// LAB_NATIVE_REQUIRED=1 to make a failed build an error instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const addonDir = path.join(root, 'addon');
const outDir = path.join(root, 'dist/native');
const errorFile = path.join(outDir, 'build-error.txt');
fs.mkdirSync(outDir, { recursive: true });
fs.rmSync(errorFile, { force: true });
fs.rmSync(path.join(outDir, 'lab_native.node'), { force: true });

function nodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include/node/node_api.h')) ? prefix : undefined;
}

function fail(reason) {
  fs.writeFileSync(errorFile, `${reason}\n`);
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
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  const child = spawnSync(process.execPath, [gyp, 'rebuild', `--nodedir=${dir}`, '--jobs=2', '--loglevel=warn'], {
    cwd: addonDir,
    encoding: 'utf8',
  });
  const built = path.join(addonDir, 'build/Release/lab_native.node');
  if (child.status === 0 && fs.existsSync(built)) {
    fs.copyFileSync(built, path.join(outDir, 'lab_native.node'));
  } else {
    const log = `${child.stdout ?? ''}${child.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    fail(`node-gyp rebuild exited with ${child.status ?? child.signal ?? child.error}:\n${log}`);
  }
}
