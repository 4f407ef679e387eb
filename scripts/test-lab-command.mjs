// `pnpm test:lab-command`: `pnpm lab …` as a newcomer types it, through pnpm itself, from a folder
// below the repository root. What it prints must be the CLI's output and nothing else: no turbo
// banner, task summary or update notice (scripts/lab.mjs captures turbo's output and shows it only
// when the build fails), and relative paths are the caller's (apps/cli/src/main.ts, INIT_CWD).
// It runs after the test suites (not inside one): it runs turbo, which must not rebuild packages
// while other tests read their dist folders.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(path.join(root, 'apps/cli/package.json'), 'utf8')).version;
// Under `pnpm run`, npm_execpath is pnpm's own entry point; otherwise the pinned pnpm through npx.
// (Not a turbo task: no cache for it to invalidate.)
// biome-ignore lint/suspicious/noUndeclaredEnvVars: this script runs outside turbo
const execPath = process.env.npm_execpath;
const pnpm = execPath?.includes('pnpm') ? [process.execPath, execPath] : ['npx', '-y', 'pnpm@10.34.9'];
// A folder below the root that is in no workspace package (from inside one, pnpm looks for that
// package's scripts).
const caller = path.join(root, 'node_modules/.lab-command');
rmSync(caller, { recursive: true, force: true });
mkdirSync(caller, { recursive: true });

function pnpmLab(args) {
  const env = { ...process.env, npm_lifecycle_event: undefined, INIT_CWD: undefined, LAB_DATA_DIR: undefined };
  const r = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { cwd: caller, env, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

const banner = /turbo \d|Packages in scope|Tasks:|Cached:|update available|Telemetry/i;

// `pnpm -s lab --version`: the version, alone.
const quiet = pnpmLab(['-s', 'lab', '--version']);
assert.equal(quiet.code, 0, `pnpm -s lab --version exited with ${quiet.code}: ${quiet.stderr}${quiet.error ?? ''}`);
assert.equal(quiet.stdout, `${version}\n`);
assert.doesNotMatch(quiet.stderr, banner, `turbo's output reached the user:\n${quiet.stderr}`);

// `pnpm lab --version`: pnpm's own two-line script header, then the version; no turbo.
const plain = pnpmLab(['lab', '--version']);
assert.equal(plain.code, 0, plain.stderr);
assert.doesNotMatch(`${plain.stdout}${plain.stderr}`, banner);
assert.equal(plain.stdout.trim().split('\n').at(-1), version);

// A relative --data and --out are the caller's folder's; a usage error is the message and a hint, exit 1, no stack.
const mnist = path.relative(caller, path.resolve(root, '../shared/data/mnist'));
if (existsSync(path.resolve(caller, mnist))) {
  const train = pnpmLab(['-s', 'lab', 'train', '--data', mnist, '--limit', '200', '--epochs', '1', '--out', 'myrun']);
  assert.equal(train.code, 0, train.stderr);
  assert.ok(existsSync(path.join(caller, 'myrun/model/model.json')), 'the run folder is not in the caller’s folder');
  assert.doesNotMatch(train.stdout, banner);
}
const bad = pnpmLab(['-s', 'lab', 'train', '--epochs', 'zero']);
assert.equal(bad.code, 1);
assert.match(bad.stderr, /^lab: error: option '--epochs <n>' argument 'zero' is invalid\. --epochs must be a positive integer, got 'zero'\n\(run with --help for usage\)\n$/);

// `lab` on the PATH, as the README puts it there: `npm install -g ./apps/cli` links the built CLI
// (here into a temporary prefix rather than the machine's), and `lab` then runs from any folder.
const prefix = path.join(caller, 'global');
const linked = spawnSync('npm', ['install', '-g', './apps/cli', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
assert.equal(linked.status, 0, `npm install -g ./apps/cli: ${linked.stderr}`);
const onPath = (args) => spawnSync('lab', args, { cwd: caller, encoding: 'utf8', env: { ...process.env, PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}` }, timeout: 300_000 });
const globalVersion = onPath(['--version']);
assert.equal(globalVersion.status, 0, globalVersion.stderr);
assert.equal(globalVersion.stdout, `${version}\n`);
if (existsSync(path.resolve(caller, mnist))) {
  const train = onPath(['train', '--data', mnist, '--limit', '200', '--epochs', '1', '--out', 'onpath', '--backend', 'cpu']);
  assert.equal(train.status, 0, train.stderr);
  assert.ok(existsSync(path.join(caller, 'onpath/model/model.json')), 'lab on the PATH: the run folder is not in the caller’s folder');
}

rmSync(caller, { recursive: true, force: true });
console.log(`test:lab-command: pnpm lab prints the CLI's output only (${version}), in the caller's folder; npm install -g ./apps/cli puts lab on the PATH`);
