// Registers tfjs-core's gradient functions for tests that differentiate (tf.grad, tf.variableGrads).
//
// Why: the CommonJS tfjs-core that Node loads registers no gradients, and this package may not
// depend on @lab/models (dependencies point one way). @lab/models builds the registrations as one
// ES module (dist/register_gradients.js, `pnpm --filter @lab/models build`); tfjs keeps its
// registries on the global object, so that bundle registers into the tfjs-core loaded here.
// Without the bundle (a fresh clone where models is not built yet) we fall back to tfjs-core's own
// ES sources, which vitest transforms file by file: the same registrations, about 6 s slower.
import { existsSync } from 'node:fs';

const bundle = new URL('../../../models/dist/register_gradients.js', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
}
