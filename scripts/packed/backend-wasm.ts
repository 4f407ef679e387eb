// @lab/backend-wasm installed from its tarball: importing registers the wasm backend and lab's
// kernels; LabAdamUpdate gives @lab/core's reference composite bit for bit on wasm; host tensors
// are built in the wasm heap; nothing leaks.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@lab/backend-wasm';
import { adamUpdate, hasKernel, hostTensor, runKernel, softmaxCrossEntropy } from '@lab/core';

await tf.setBackend('wasm');
assert.equal(tf.getBackend(), 'wasm');
assert.ok(hasKernel(adamUpdate) && hasKernel(softmaxCrossEntropy));
const before = tf.memory().numTensors;
const inputs = { grad: tf.tensor1d([0.5, -1, 2]), m: tf.tensor1d([0.1, 0, -0.2]), v: tf.tensor1d([0.01, 0.02, 0]), param: tf.tensor1d([1, -2, 3]) };
const attrs = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, count: 3, scale: -0.01, weightDecay: 0.004 };
const fused = runKernel(adamUpdate, inputs, attrs);
const reference = adamUpdate.reference(inputs, attrs);
for (const [i, t] of fused.entries()) assert.deepEqual(Array.from(t.dataSync()), Array.from(reference[i]!.dataSync()));
const target = hostTensor([2], 'float32');
target.values.set([4, 5]);
const t = target.tensor();
assert.deepEqual(Array.from(await t.data()), [4, 5]);
tf.dispose([Object.values(inputs), fused, reference, t]);
assert.equal(tf.memory().numTensors, before);
console.log('backend-wasm ok');
