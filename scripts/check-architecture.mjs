// The rules of the house that imports and strings can show, checked over every workspace package
// and app (non-test sources only):
// 1. No import cycles between files (static imports, re-exports and type imports alike), and none
//    between workspace packages (dependencies + peerDependencies + devDependencies).
// 2. A lab kernel is named once: string literals 'Lab<Name>' that name a kernel appear only in
//    packages/core/src/kernels.
// 3. `registerKernel` is called only in packages/backend-*.
// Usage: node scripts/check-architecture.mjs   (exits 1 and names each offender)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT, walk } from './lib/workspace.mjs';

const isTest = (file) => /\.(test|e2e\.test)\.tsx?$/.test(file) || file.split(path.sep).includes('test');
const problems = [];

const dirs = ['packages', 'apps'].flatMap((top) =>
  readdirSync(path.join(ROOT, top), { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(ROOT, top, e.name, 'package.json')))
    .map((e) => path.join(ROOT, top, e.name)),
);

/** Tarjan's strongly connected components of size > 1 (or self-loops). */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** The string literals of a source file (comments are not scanned). */
function stringLiterals(file, text) {
  const out = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
  return out;
}

// The kernel names: the 'Lab…' literals of @lab/core's contracts.
const kernelDir = path.join(ROOT, 'packages/core/src/kernels');
const kernelNames = new Set(
  walk(kernelDir, (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).flatMap((f) =>
    stringLiterals(f, readFileSync(f, 'utf8')).filter((t) => /^Lab[A-Z]\w*$/.test(t)),
  ),
);

// 1a. File cycles.
const files = new Map();
for (const dir of dirs) {
  const src = path.join(dir, 'src');
  if (!existsSync(src)) continue;
  for (const file of walk(src, (f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))) {
    if (isTest(path.relative(dir, file))) continue;
    const text = readFileSync(file, 'utf8');
    const info = ts.preProcessFile(text, true, true);
    const targets = [];
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const resolved = path.resolve(path.dirname(file), ref.fileName).replace(/\.js$/, '.ts');
      if (existsSync(resolved)) targets.push(resolved);
      else if (existsSync(resolved.replace(/\.ts$/, '.tsx'))) targets.push(resolved.replace(/\.ts$/, '.tsx'));
    }
    files.set(file, targets);
    // 2. Kernel names.
    const literals = stringLiterals(file, text).filter((t) => kernelNames.has(t));
    if (literals.length > 0 && !file.startsWith(kernelDir)) {
      problems.push(`${path.relative(ROOT, file)}: kernel name literal '${literals.join("', '")}' outside packages/core/src/kernels (use the @lab/core contract)`);
    }
    // 3. registerKernel.
    if (/\bregisterKernel\s*\(/.test(text) && !path.relative(ROOT, file).startsWith('packages/backend-')) {
      problems.push(`${path.relative(ROOT, file)}: calls registerKernel outside packages/backend-* (backends register kernels; libraries and apps never do)`);
    }
  }
}
for (const component of cycles(files)) {
  problems.push(`import cycle: ${component.map((f) => path.relative(ROOT, f)).join(' → ')}`);
}

// 1b. Package cycles.
const packages = new Map();
const names = new Map();
for (const dir of dirs) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  names.set(pkg.name, dir);
  packages.set(pkg.name, Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies }));
}
for (const [name, deps] of packages) packages.set(name, deps.filter((d) => names.has(d)));
for (const component of cycles(packages)) problems.push(`package cycle: ${component.join(' → ')}`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`architecture: ${kernelNames.size} kernel contracts, ${files.size} source files in ${dirs.length} packages and apps, no import cycles, kernel names only in @lab/core, registerKernel only in backends`);
