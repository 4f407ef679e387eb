// @lab/onnx installed from its tarball: a table model (with its fitted preprocessing) and a
// convnet exported to ONNX, decoded again and checked; the inputs name the raw columns.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { Dense, mnistCnn, Sequential } from '@lab/models';
import { checkOnnxModel, decodeModel, OPSET, tableFeeds, toOnnx } from '@lab/onnx';
import { TablePreprocessing } from '@lab/preprocess';

const before = tf.memory().numTensors;
const features = { names: ['mass', 'island'], columns: [Float64Array.of(3, Number.NaN, 5, 4), ['a', null, 'b', 'a']] };
const pre = TablePreprocessing.fit(features, 'species', ['x', 'y', 'x', 'y'], 'classification');
const model = new Sequential([new Dense({ units: 2, activation: 'softmax' })], { seed: 1 });
model.build([pre.featureNames.length]);
const table = await toOnnx(model, { preprocessing: pre });
assert.deepEqual(table.inputs.map((i) => `${i.name}:${i.type}`), ['mass:float', 'island:string']);
assert.deepEqual(table.outputs.map((o) => o.name), ['probabilities', 'label']);
assert.equal(checkOnnxModel(table.bytes).opset.find((o) => o.domain === 'ai.onnx.ml')?.version, OPSET.onnxMl);
assert.deepEqual(tableFeeds(pre, features).island?.data, ['a', '', 'b', 'a']);

const cnn = mnistCnn({ seed: 2 });
cnn.build([28, 28, 1]);
const image = await toOnnx(cnn, { preprocessing: { scale: 255, denoise: { filter: 'median', value: 3 } } });
const decoded = decodeModel(image.bytes);
assert.ok(decoded.graph.node.some((n) => n.opType === 'Conv'));
console.log(table.operators.length, checkOnnxModel(image.bytes).parameters > 34_826);
model.dispose();
cnn.dispose();
assert.equal(tf.memory().numTensors, before);
