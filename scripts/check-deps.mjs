// Checks each publishable package's imports against its package.json:
// - a non-test source file imports only the package itself, its dependencies and its peers;
// - a test file may also import devDependencies;
// - every entry of `dependencies` is imported by some non-test source file (else it is dead
//   weight for every user's install);
// - `@tensorflow/tfjs-core` is a peer dependency with a stated range, never a dependency.
// Usage: node scripts/check-deps.mjs   (exits 1 and names each offender)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { declaredRuntime, importedPackages, packageOf, publishablePackages, ROOT, walk } from './lib/workspace.mjs';

const isTest = (file) => /\.test\.tsx?$/.test(file) || file.split(path.sep).includes('test');
const problems = [];

for (const p of publishablePackages()) {
  const runtime = declaredRuntime(p.pkg);
  const withDev = new Set([...runtime, ...Object.keys(p.pkg.devDependencies ?? {})]);
  const used = new Set();
  for (const file of walk(path.join(p.dir, 'src'), (f) => /\.(ts|tsx|mts|js|mjs)$/.test(f))) {
    const test = isTest(path.relative(p.dir, file));
    for (const name of importedPackages(readFileSync(file, 'utf8'))) {
      if (!test) used.add(name);
      if (!(test ? withDev : runtime).has(name)) {
        const where = test ? 'dependencies, peerDependencies or devDependencies' : 'dependencies or peerDependencies';
        problems.push(`${p.name}: ${path.relative(ROOT, file)} imports '${name}', which is not in its ${where}`);
      }
    }
  }
  // What the package's install and native build use: its shipped scripts (scripts/*.mjs in
  // `files`) and its binding.gyp, which require() packages (node-gyp-build, node-addon-api).
  for (const entry of p.pkg.files ?? []) {
    if (!/^(scripts\/[\w-]+\.mjs|addon\/binding\.gyp)$/.test(entry) || !existsSync(path.join(p.dir, entry))) continue;
    for (const [, specifier] of readFileSync(path.join(p.dir, entry), 'utf8').matchAll(/require\(\\?['"]([^'"\\]+)\\?['"]\)/g)) {
      const name = packageOf(specifier);
      if (!name) continue;
      used.add(name);
      if (!runtime.has(name)) problems.push(`${p.name}: ${entry} requires '${name}', which is not in its dependencies (a user's install runs it)`);
    }
  }
  for (const name of Object.keys(p.pkg.dependencies ?? {})) {
    if (!used.has(name)) problems.push(`${p.name}: dependency '${name}' is not imported by any source file; remove it`);
  }
  const peer = p.pkg.peerDependencies?.['@tensorflow/tfjs-core'];
  if (!peer) problems.push(`${p.name}: no peerDependencies['@tensorflow/tfjs-core'] (state the tfjs-core range it supports)`);
  if (p.pkg.dependencies?.['@tensorflow/tfjs-core']) {
    problems.push(`${p.name}: @tensorflow/tfjs-core is a dependency; make it a peer (one tfjs-core per app)`);
  }
}

for (const line of problems) console.error(`check-deps: ${line}`);
console.log(`check-deps: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`} in ${publishablePackages().length} packages`);
process.exit(problems.length === 0 ? 0 : 1);
