// Helpers shared by the packaging checks: the publishable packages, packing them, and the bare
// imports of a source file. Plain Node ESM so that the checks run without a build step.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const run = promisify(execFile);

/**
 * Every package under packages/ that is not private, as { dir, short, name, pkg }.
 * `LAB_PACKAGES=data,metrics` narrows the list (for working on one package).
 */
export function publishablePackages({ all = false } = {}) {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by root scripts, not by a turbo task
  const only = all ? undefined : process.env.LAB_PACKAGES?.split(',').map((s) => s.trim()).filter(Boolean);
  const base = path.join(ROOT, 'packages');
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(base, entry.name, 'package.json')))
    .map((entry) => {
      const dir = path.join(base, entry.name);
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      return { dir, short: entry.name, name: pkg.name, pkg };
    })
    .filter((p) => !p.pkg.private && (!only || only.includes(p.short)))
    .sort((a, b) => a.short.localeCompare(b.short));
}

/** The packages plus the workspace packages they depend on at run time, recursively. */
export function withInternalDependencies(packages) {
  const all = new Map(publishablePackages({ all: true }).map((p) => [p.name, p]));
  const out = new Map(packages.map((p) => [p.name, p]));
  const queue = [...packages];
  while (queue.length > 0) {
    const p = queue.shift();
    for (const name of Object.keys(p.pkg.dependencies ?? {})) {
      const dep = all.get(name);
      if (dep && !out.has(name)) {
        out.set(name, dep);
        queue.push(dep);
      }
    }
  }
  return [...out.values()];
}

/**
 * Packs each package with `pnpm pack` (which rewrites `workspace:^` to real versions) into
 * `destination`; returns a map from package name to tarball path. Needs each package built.
 */
export async function packAll(packages, destination) {
  const tarballs = new Map();
  for (const p of packages) {
    const before = new Set(readdirSync(destination));
    try {
      await run('pnpm', ['pack', '--pack-destination', destination], { cwd: p.dir });
    } catch (error) {
      throw new Error(`pnpm pack failed in ${path.relative(ROOT, p.dir)}: ${error.stderr || error.message}`);
    }
    const added = readdirSync(destination).filter((f) => f.endsWith('.tgz') && !before.has(f));
    if (added.length !== 1) throw new Error(`pnpm pack in ${p.dir} made ${added.length} tarballs`);
    tarballs.set(p.name, path.join(destination, added[0]));
  }
  return tarballs;
}

const BUILTINS = new Set(builtinModules);

/** The package a bare specifier names ('@a/b/c' → '@a/b', 'x/y' → 'x'); null for relative and builtins. */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) return null;
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The packages a JS, TS or .d.ts file imports: static and side-effect imports, re-exports,
 * `import()` calls and types, `require` calls. TypeScript's scanner skips comments and strings.
 */
export function importedPackages(text) {
  const info = ts.preProcessFile(text, true, true);
  const names = new Set();
  for (const ref of [...info.importedFiles, ...info.typeReferenceDirectives]) {
    const name = packageOf(ref.fileName);
    if (name) names.add(name);
  }
  return names;
}

/** Files under `dir` (recursively) whose names pass `keep`. */
export function walk(dir, keep) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...walk(full, keep));
    } else if (keep(full)) out.push(full);
  }
  return out;
}

/** Names a package may import at run time: itself, its dependencies and peer dependencies. */
export function declaredRuntime(pkg) {
  return new Set([
    pkg.name,
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ]);
}
