// @lab/losses installed from its tarball: losses by function and by name, tensors freed.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { getLoss, huber, meanSquaredError, sparseCategoricalCrossentropy } from '@lab/losses';

const before = tf.memory().numTensors;
const yTrue = tf.tensor1d([0, 1, 2]);
const yPred = tf.tensor1d([0, 1, 4]);
const mse = meanSquaredError(yTrue, yPred);
assert.equal(mse.dataSync()[0], Math.fround(4 / 3)); // float32
const h = huber(yTrue, yPred); // delta 1: 0.5 * 0 + 0 + (2 - 0.5), mean over 3
assert.ok(Math.abs(h.dataSync()[0]! - 0.5) < 1e-6);
const labels = tf.tensor1d([1], 'int32');
const probabilities = tf.tensor2d([[0.5, 0.5]]);
const sparse = sparseCategoricalCrossentropy(labels, probabilities);
assert.ok(Math.abs(sparse.dataSync()[0]! - Math.LN2) < 1e-6);
const byName = getLoss('mse')(yTrue, yPred);
assert.equal(byName.dataSync()[0], mse.dataSync()[0]);
console.log(mse.dataSync()[0], h.dataSync()[0], sparse.dataSync()[0]);
tf.dispose([yTrue, yPred, mse, h, labels, probabilities, sparse, byName]);
assert.equal(tf.memory().numTensors, before);
