// `pnpm docs:check`: every export of every publishable package has a doc comment.
//
// For each entry point (src/index.ts and the sources of the other `exports` subpaths, e.g.
// src/node/index.ts) every exported name, followed through re-exports to its declaration, must
// carry a /** doc comment */. Members of exported classes and interfaces (properties, methods,
// accessors; not private ones, not those inherited from outside the package) are listed too:
// as a report by default, as failures with --members.
// One TypeScript program for all packages: a few seconds, no build needed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { publishablePackages, ROOT } from './lib/workspace.mjs';

const STRICT_MEMBERS = process.argv.includes('--members');

/** Entry point sources of a package: src/index.ts and each `exports` target under dist/ mapped back to src/. */
function entrySources(p) {
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  collect(p.pkg.exports ?? {});
  const sources = new Set([path.join(p.dir, 'src/index.ts')]);
  for (const target of targets) {
    const match = /^\.\/dist\/(.+)\.js$/.exec(target);
    const source = match && path.join(p.dir, `src/${match[1]}.ts`);
    if (source && existsSync(source)) sources.add(source);
  }
  return [...sources];
}

const packages = publishablePackages();
const entries = packages.flatMap((p) => entrySources(p).map((file) => ({ p, file })));
const program = ts.createProgram(
  entries.map((e) => e.file),
  { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true, types: [], skipLibCheck: true },
);
const checker = program.getTypeChecker();

const hasDoc = (symbol) => symbol.getDocumentationComment(checker).length > 0 || symbol.getJsDocTags(checker).length > 0;
const resolve = (symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
const where = (decl) => {
  const sf = decl.getSourceFile();
  const { line } = sf.getLineAndCharacterOfPosition(decl.getStart());
  return `${path.relative(ROOT, sf.fileName)}:${line + 1}`;
};
const isPrivate = (decl) =>
  (ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0 ||
  (decl.name && ts.isPrivateIdentifier(decl.name));

const missingExports = [];
const missingMembers = [];
let checked = 0;
const seenMembers = new Set();
for (const { p, file } of entries) {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) {
    missingExports.push(`${path.relative(ROOT, file)}: not a module`);
    continue;
  }
  const entry = path.relative(p.dir, file);
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    checked++;
    const symbol = resolve(exported);
    const decl = symbol.declarations?.[0];
    if (!decl) continue;
    if (!hasDoc(symbol)) missingExports.push(`${p.name} (${entry}): ${exported.name}  [${where(decl)}]`);
    if (!(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const members = [...checker.getPropertiesOfType(type)];
    if (symbol.flags & ts.SymbolFlags.Class) members.push(...checker.getPropertiesOfType(checker.getTypeOfSymbolAtLocation(symbol, decl)));
    for (const member of members) {
      const memberDecl = member.declarations?.[0];
      if (!memberDecl || isPrivate(memberDecl) || member.name === 'prototype') continue;
      // Only what this package declares: not members inherited from tfjs-core or lib.d.ts.
      if (!memberDecl.getSourceFile().fileName.startsWith(path.join(p.dir, 'src'))) continue;
      const key = `${where(memberDecl)} ${member.name}`;
      if (seenMembers.has(key)) continue;
      seenMembers.add(key);
      if (!hasDoc(member)) missingMembers.push(`${p.name}: ${symbol.name}.${member.name}  [${where(memberDecl)}]`);
    }
  }
}

if (missingExports.length > 0) {
  console.error(`docs:check: ${missingExports.length} export(s) without a doc comment:`);
  for (const line of missingExports) console.error(`  ${line}`);
}
if (missingMembers.length > 0) {
  const log = STRICT_MEMBERS ? console.error : console.log;
  log(`docs:check: ${missingMembers.length} member(s) of exported classes, interfaces and object types without a doc comment${STRICT_MEMBERS ? '' : ' (reported, not enforced; --members enforces)'}:`);
  for (const line of missingMembers) log(`  ${line}`);
}
const failed = missingExports.length > 0 || (STRICT_MEMBERS && missingMembers.length > 0);
console.log(`docs:check: ${checked} exports of ${packages.length} packages (${entries.length} entry points): ${missingExports.length} without a doc comment${failed ? '' : ', ok'}`);
process.exit(failed ? 1 : 0);
