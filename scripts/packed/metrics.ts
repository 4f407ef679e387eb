// @lab/metrics installed from its tarball: functional and streaming metrics agree.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { ConfusionMatrix, confusionMatrix, f1, type Metric, Recall, recall } from '@lab/metrics';

const yTrue = [0, 1, 1, 0, 1];
const yPred = [0, 1, 0, 0, 1];
assert.equal(recall(yTrue, yPred), 2 / 3);
assert.equal(f1(yTrue, yPred), 0.8);
assert.deepEqual(confusionMatrix(yTrue, yPred), [[2, 0], [1, 2]]);

const before = tf.memory().numTensors;
const streaming: Metric<number> = new Recall({ task: 'binary' });
const matrix = new ConfusionMatrix({ task: 'binary' });
for (const [from, to] of [[0, 2], [2, 5]]) {
  streaming.update(yTrue.slice(from, to), yPred.slice(from, to));
  matrix.update(yTrue.slice(from, to), yPred.slice(from, to));
}
assert.equal(await streaming.compute(), 2 / 3);
assert.deepEqual(await matrix.compute(), [[2, 0], [1, 2]]);
streaming.dispose();
matrix.dispose();
assert.equal(tf.memory().numTensors, before);
console.log(recall(yTrue, yPred), f1(yTrue, yPred));
