// The Node tests: the package imported from its sources (which registers lab's webgl kernels),
// with tfjs's cpu backend active, as nothing in Node offers WebGL. The kernels themselves run in
// headless Chromium (webgl-kernels.e2e.test.ts).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../index.js';

// IS_TEST silences tfjs's "install our node backend" banner; it changes no numerics.
tf.env().set('IS_TEST', true);
await tf.setBackend('cpu');
