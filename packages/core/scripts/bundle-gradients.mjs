// Builds dist/register_gradients.js: tfjs-core's gradient registrations as one ES module, and
// dist/register_gradients.browser.js, what bundlers get (the "browser" export condition).
//
// Why: the CommonJS bundle of @tensorflow/tfjs-core that Node loads registers no gradients, and
// its `dist/register_all_gradients.js` is extensionless ESM that Node cannot import. tfjs keeps its
// engine and its kernel and gradient registries on the global object, so a bundled copy of the
// gradient code registers into the same registries as the tfjs-core the application loaded
// (tfjs-layers ships its gradients the same way). The bundle is built from the exact pinned
// tfjs-core version and keeps its Apache-2.0 licence comments.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const require = createRequire(import.meta.url);
const coreDir = path.dirname(require.resolve('@tensorflow/tfjs-core/package.json'));

await build({
  entryPoints: [path.join(coreDir, 'dist/register_all_gradients.js')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'eof',
  outfile: 'dist/register_gradients.js',
  logLevel: 'warning',
});
// A side-effect module: its types are empty, but consumers' type checkers need to find them.
await writeFile('dist/register_gradients.d.ts', '// Registers tfjs-core\'s gradient functions; exports nothing.\nexport {};\n');
// Bundlers (vite, webpack, esbuild) read tfjs-core's extensionless ESM, so for them the entry is
// tfjs-core's own module: the page then holds one copy of tfjs-core's gradient code, not two
// (the bundle above inlines about 40 kB gzip of tfjs-core).
await writeFile(
  'dist/register_gradients.browser.js',
  "// Registers tfjs-core's gradient functions from the application's own tfjs-core (for bundlers).\nimport '@tensorflow/tfjs-core/dist/register_all_gradients.js';\n",
);
