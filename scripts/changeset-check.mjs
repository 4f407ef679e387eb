// `pnpm changeset:check`: fails when a package's public surface changed without a changeset.
//
// The public surface of a package is its entry points' sources (src/index.ts and every other
// entry point its package.json `exports` maps to dist/…/*.js, e.g. src/node/index.ts) and the
// `exports` map itself. Changes are taken between the merge base of HEAD with the base branch
// and the working tree (commits on the branch, staged and unstaged edits, new files). A
// changeset covers a package when a `.changeset/*.md` added or changed in that range names it in
// its front matter.
//
// Base branch: --base REF, else $CHANGESET_BASE, else origin/main when it exists, else main. On
// main itself the merge base is HEAD, so the check covers uncommitted work: run it before
// committing. See CONTRIBUTING.md ("Changesets").
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { publishablePackages, ROOT } from './lib/workspace.mjs';

const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const refExists = (ref) => {
  try {
    git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
    return true;
  } catch {
    return false;
  }
};

const baseArg = process.argv.indexOf('--base');
// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by a root script, not by a turbo task
const base = baseArg > 0 ? process.argv[baseArg + 1] : process.env.CHANGESET_BASE || (refExists('origin/main') ? 'origin/main' : 'main');
if (!refExists(base)) {
  console.error(`changeset:check: no git ref '${base}' to compare with (a shallow clone? fetch the base branch, or pass --base REF)`);
  process.exit(2);
}
const mergeBase = git('merge-base', 'HEAD', base).trim();

// Files changed since the merge base, in commits and in the working tree, plus untracked files.
const changed = new Set(
  [
    ...git('diff', '--name-only', mergeBase).split('\n'),
    ...git('ls-files', '--others', '--exclude-standard').split('\n'),
  ].filter(Boolean),
);

/** The file at the merge base, or null when it did not exist there. */
function atBase(file) {
  try {
    return git('show', `${mergeBase}:${file}`);
  } catch {
    return null;
  }
}

/** Entry point sources of a package: each `exports` target under dist/ mapped back to src/*.ts. */
function entrySources(pkg, dir) {
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  collect(pkg.exports ?? {});
  const sources = new Set(['src/index.ts']);
  for (const target of targets) {
    const match = /^\.\/dist\/(.+)\.js$/.exec(target);
    if (match && existsSync(path.join(dir, `src/${match[1]}.ts`))) sources.add(`src/${match[1]}.ts`);
  }
  return [...sources];
}

/** Package names listed in a changeset's front matter ("@lab/metrics": minor). */
function changesetPackages(text) {
  return new Set(changesetEntries(text).map((e) => e.name));
}

/** The front matter's entries: each package name and its bump. */
function changesetEntries(text) {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return [...front.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:\s*["']?([^"'\s]*)["']?\s*$/gm)].map((m) => ({ name: m[1], bump: m[2] }));
}

// Every changeset must name packages that exist and can be released, with a known bump: a typo
// would otherwise pass here and fail only at release time (or silently release nothing).
const releasable = new Set(publishablePackages().map((p) => p.name));
const invalid = [];
for (const file of readdirSync(path.join(ROOT, '.changeset'))) {
  if (!file.endsWith('.md') || file === 'README.md') continue;
  const entries = changesetEntries(readFileSync(path.join(ROOT, '.changeset', file), 'utf8'));
  if (entries.length === 0) invalid.push(`.changeset/${file}: names no package in its front matter`);
  for (const { name, bump } of entries) {
    if (!releasable.has(name)) invalid.push(`.changeset/${file}: "${name}" is not a releasable package (${[...releasable].sort().join(', ')})`);
    if (!['patch', 'minor', 'major'].includes(bump)) invalid.push(`.changeset/${file}: "${name}" has bump '${bump}'; use patch, minor or major`);
  }
}
if (invalid.length > 0) {
  console.error('changeset:check: invalid changesets:');
  for (const line of invalid) console.error(`  ${line}`);
  process.exit(1);
}

const covered = new Set();
for (const file of changed) {
  if (!/^\.changeset\/[^/]+\.md$/.test(file) || file === '.changeset/README.md') continue;
  const full = path.join(ROOT, file);
  if (existsSync(full)) for (const name of changesetPackages(readFileSync(full, 'utf8'))) covered.add(name);
}

const missing = [];
for (const p of publishablePackages()) {
  const rel = path.relative(ROOT, p.dir);
  const reasons = entrySources(p.pkg, p.dir)
    .map((source) => `${rel}/${source}`)
    .filter((file) => changed.has(file));
  const manifest = `${rel}/package.json`;
  if (changed.has(manifest)) {
    const before = atBase(manifest);
    const exportsBefore = before === null ? undefined : JSON.parse(before).exports;
    if (JSON.stringify(exportsBefore) !== JSON.stringify(p.pkg.exports)) reasons.push(`${manifest} ("exports")`);
  }
  if (reasons.length > 0 && !covered.has(p.name)) missing.push(`${p.name}: ${reasons.join(', ')}`);
}

const range = `${mergeBase.slice(0, 8)} (merge base with ${base}) .. working tree`;
if (missing.length > 0) {
  console.error(`changeset:check: public surface changed without a changeset, ${range}:`);
  for (const line of missing) console.error(`  ${line}`);
  console.error('Run `pnpm changeset`, pick these packages and describe the change (see CONTRIBUTING.md).');
  process.exit(1);
}
console.log(`changeset:check: ok, ${range}: ${covered.size} package(s) with changesets, no uncovered public-surface change`);
