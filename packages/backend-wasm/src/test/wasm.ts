// After @lab/testing's cpu setup: lab's wasm kernels (importing the package registers them) on
// the active 'wasm' backend; tests compare them with @lab/core's reference composites on 'cpu'.
import * as tf from '@tensorflow/tfjs-core';
import '../index.js';

await tf.setBackend('wasm');
