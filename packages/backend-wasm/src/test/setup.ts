// Tests compare lab's wasm kernels with @lab/core's reference composites on the cpu backend.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '../index.js';

// IS_TEST silences tfjs's "install our node backend" banner; it changes no numerics.
tf.env().set('IS_TEST', true);
await tf.setBackend('wasm');
