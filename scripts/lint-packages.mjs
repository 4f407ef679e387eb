// `pnpm lint:packages`: the package checks that need no install.
// 1. check-deps.mjs: imports against dependencies, no unused dependency, the tfjs-core peer range.
// 2. Packs every publishable package once (`pnpm pack`), then on each tarball:
//    - publint (strict: warnings fail too): exports, files, types, formats as npm will ship them;
//    - @arethetypeswrong/cli with `--profile esm-only`: types resolve for `import` under
//      node16/nodenext and bundler resolution. The packages are ESM only, so attw's CommonJS
//      resolutions (node10, node16 from CJS) are not checked; see CONTRIBUTING.md.
// Needs the packages built (`pnpm build`; the root script does it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { packAll, publishablePackages, ROOT, run } from './lib/workspace.mjs';

// Entry points attw cannot check, each with the reason (none at present).
const ATTW_EXCLUDE = {};

const failures = [];
const attwBin = path.join(ROOT, 'node_modules/.bin/attw');

// attw's ESM-only profile ignores the node10 and node16-from-CJS resolutions in what it prints,
// but 0.18.5 still exits 1 for an "internal resolution error" under node10 (a `.d.ts` import of a
// subpath export, which node10 cannot resolve). So read its JSON and apply the profile here.
const ATTW_DOCS = 'https://github.com/arethetypeswrong/arethetypeswrong.github.io/tree/main/docs/problems';
const IGNORED_RESOLUTIONS = new Set(['node10', 'node16-cjs']);
async function attwProblems(tarball, exclude) {
  // The tarball first: --exclude-entrypoints takes every argument after it.
  const args = [tarball, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json'];
  if (exclude.length > 0) args.push('--exclude-entrypoints', ...exclude);
  let stdout;
  try {
    ({ stdout } = await run(attwBin, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    if (!error.stdout) return [`attw did not run: ${error.stderr || error.message}`];
    stdout = error.stdout;
  }
  const { analysis } = JSON.parse(stdout);
  if (!analysis.problems) return [`attw: ${JSON.stringify(analysis)}`];
  return analysis.problems
    .filter((problem) => !IGNORED_RESOLUTIONS.has(problem.resolutionKind ?? problem.resolutionOption))
    .map((problem) => {
      const resolution = problem.resolutionKind ?? problem.resolutionOption;
      const parts = [
        problem.kind,
        problem.entrypoint && `entry point ${problem.entrypoint}`,
        resolution && `resolution ${resolution}`,
        problem.fileName && `in ${problem.fileName}`,
        problem.moduleSpecifier && `importing '${problem.moduleSpecifier}'`,
      ];
      return `${parts.filter(Boolean).join(', ')} (see ${ATTW_DOCS})`;
    });
}

try {
  await run(process.execPath, [path.join(ROOT, 'scripts/check-deps.mjs')], { cwd: ROOT });
  console.log('ok   check-deps');
} catch (error) {
  console.log(`FAIL check-deps\n${`${error.stderr}${error.stdout}`.trim().replace(/^/gm, '     ')}`);
  failures.push('check-deps');
}

const packages = publishablePackages();
const dir = mkdtempSync(path.join(tmpdir(), 'lab-lint-packages-'));
try {
  const tarballs = await packAll(packages, dir);
  const checks = packages.map((p) => async () => {
    const tarball = readFileSync(tarballs.get(p.name));
    const lines = [];
    const { messages, pkg } = await publint({ pack: { tarball: tarball.buffer }, strict: true, level: 'suggestion' });
    for (const m of messages) lines.push(`publint ${m.type}: ${formatMessage(m, pkg, { color: false })}`);
    const problems = await attwProblems(tarballs.get(p.name), ATTW_EXCLUDE[p.name] ?? []);
    for (const problem of problems) lines.push(`attw: ${problem}`);
    const ok = lines.length === 0;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${p.name} (publint, attw --profile esm-only)`);
    for (const line of lines) console.log(`     ${line}`);
    if (!ok) failures.push(p.name);
  });
  // Two at a time: attw spends its time in the TypeScript compiler, one core each.
  const queue = [...checks];
  await Promise.all([0, 1].map(async () => {
    while (queue.length > 0) await queue.shift()();
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`lint:packages: ${packages.length + 1 - failures.length} passed, ${failures.length} failed${failures.length ? ` (${failures.join(', ')})` : ''}`);
process.exit(failures.length === 0 ? 0 : 1);
