// @lab/core installed from its tarball: a kernel contract called through its reference, option
// checks with a did-you-mean hint, the seeded Random, and the gradient registration module.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@lab/core/register-gradients';
import { adamUpdate, callKernel, checkOptions, hasKernel, integer, Random } from '@lab/core';

await tf.setBackend('cpu');
const before = tf.memory().numTensors;
assert.equal(hasKernel(adamUpdate), false);
const [grad, m, v] = [tf.tensor1d([1]), tf.tensor1d([0]), tf.tensor1d([0])];
const outputs = callKernel(adamUpdate, { grad, m, v, param: undefined }, { beta1: 0.9, beta2: 0.999, epsilon: 0, count: 1, scale: 1 });
assert.equal(outputs.length, 3); // [update, m', v']
assert.ok(Math.abs(outputs[0]!.dataSync()[0]! - 1) < 1e-6); // Adam's first step is sign(g)
assert.throws(() => checkOptions('kFold', { n_splits: 3 }, { nSplits: integer({ min: 2 }) }), /did you mean 'nSplits'/);
assert.deepEqual(Array.from(new Random(1).permutation(3)).sort(), [0, 1, 2]);
const x = tf.tensor1d([3]);
const dx = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(tf.square(t)))(x));
assert.equal(dx.dataSync()[0], 6); // the gradients are registered
tf.dispose([grad, m, v, outputs, x, dx]);
assert.equal(tf.memory().numTensors, before);
console.log('core ok');
