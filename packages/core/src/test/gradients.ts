// Registers tfjs-core's gradients for this package's tests. Other packages list
// '@lab/core/register-gradients' in their vitest setupFiles; this package builds that bundle
// (dist/register_gradients.js), so before a build tfjs-core's own ES sources register the same
// gradients (vitest transforms them, a few seconds slower).
import { existsSync } from 'node:fs';

const bundle = new URL('../../dist/register_gradients.js', import.meta.url);
if (existsSync(bundle)) await import(bundle.href);
else await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');
