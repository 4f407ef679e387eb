// @lab/models installed from its tarball: train a tiny model (gradients come from the bundled
// './register-gradients'), save it with the Node entry point, load it back, same predictions.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { Dense, loadModel, Sequential } from '@lab/models';
import { fileSystem, loadCheckpoint, saveCheckpoint } from '@lab/models/node';
import { sgd } from '@lab/optim';

const x = tf.tensor2d([[0], [1], [2], [3]]);
const y = tf.tensor2d([[1], [3], [5], [7]]); // y = 2x + 1
const model = new Sequential([new Dense({ units: 1, inputShape: [1] })], { seed: 1 });
model.compile({ optimizer: sgd({ learningRate: 0.05 }), loss: 'meanSquaredError' });
const history = await model.fit(x, y, { epochs: 200, batchSize: 4 });
const loss = history.history.loss;
assert.ok(loss.at(-1)! < loss[0]! / 100, `loss fell from ${loss[0]} to ${loss.at(-1)}`);

const dir = await mkdtemp(path.join(tmpdir(), 'lab-models-'));
await model.save(fileSystem(path.join(dir, 'model')));
const again = await loadModel(fileSystem(path.join(dir, 'model')));
const [a, b] = [model.predict(x), again.predict(x)];
assert.deepEqual(Array.from(a.dataSync()), Array.from(b.dataSync()));
await saveCheckpoint(model, path.join(dir, 'checkpoint'), { epoch: 200, step: 200 });
const { info } = await loadCheckpoint(path.join(dir, 'checkpoint'));
assert.equal(info.epoch, 200);
console.log(loss.length, Math.round(a.dataSync()[3]!));
tf.dispose([x, y, a, b]);
model.dispose();
again.dispose();
await rm(dir, { recursive: true, force: true });
