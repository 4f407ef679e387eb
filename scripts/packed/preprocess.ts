// @lab/preprocess installed from its tarball: a filter on tensors, an imputer and a scaler in a
// pipeline, CSV parsing (csv-parse) and the Node entry point's table files.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { parseCsv, rowCount, scalePixels, SimpleImputer, tableToRows, toCategorical } from '@lab/preprocess';
import { readTableFile, writeTableFile } from '@lab/preprocess/node';

const before = tf.memory().numTensors;
const scaled = scalePixels(Uint8Array.from([0, 255, 51, 102]), { shape: [1, 2, 2, 1] });
assert.deepEqual(Array.from(scaled.dataSync()), [0, 1, 0.2, 0.4].map(Math.fround)); // float32
const oneHot = toCategorical([2, 0], 3);
assert.deepEqual(oneHot.arraySync(), [[0, 0, 1], [1, 0, 0]]);
tf.dispose([scaled, oneHot]);
assert.equal(tf.memory().numTensors, before);

const table = parseCsv('a,b\n1,NA\n3,4\n');
const filled = new SimpleImputer({ strategy: 'mean' }).fitTransform(tableToRows(table));
assert.deepEqual(filled, [[1, 4], [3, 4]]);

const dir = await mkdtemp(path.join(tmpdir(), 'lab-preprocess-'));
await writeTableFile(path.join(dir, 't.csv'), table);
const again = await readTableFile(path.join(dir, 't.csv'));
assert.equal(rowCount(again), 2);
console.log((await readFile(path.join(dir, 't.csv'), 'utf8')).trim().split('\n').join(' | '));
await rm(dir, { recursive: true, force: true });
