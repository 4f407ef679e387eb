// Every test in this package runs on the tfjs cpu backend: the reference backend, exact and available everywhere.
import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

// This package builds the gradient bundle (dist/register_gradients.js); before a build, tfjs-core's
// own ES sources register the same gradients (vitest transforms them, a few seconds slower).
const bundle = new URL('../../dist/register_gradients.js', import.meta.url);
if (existsSync(bundle)) await import(bundle.href);
else await import('@tensorflow/tfjs-core/dist/register_all_gradients.js');

// IS_TEST silences tfjs's "install our node backend" banner; it changes no numerics.
tf.env().set('IS_TEST', true);
await tf.setBackend('cpu');
