// @lab/optim installed from its tarball: optax-style transformations, a chain, schedules.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { applyUpdates, chain, clipByGlobalNorm, cosineDecay, type GradientTransformation, sgd, stepDecay } from '@lab/optim';

const schedule = cosineDecay({ initialValue: 1, decaySteps: 10 });
assert.equal(schedule(0), 1);
assert.ok(Math.abs(schedule(10)) < 1e-12);
assert.equal(stepDecay({ initialValue: 1, stepSize: 2, decayRate: 0.5 })(4), 0.25);

// One SGD step on x = [1, 2] with gradient [3, 4] (norm 5, clipped to 1), learning rate 0.1.
const tx: GradientTransformation = chain(clipByGlobalNorm(1), sgd({ learningRate: 0.1 }));
const params = { x: tf.variable(tf.tensor1d([1, 2])) };
const grads = { x: tf.tensor1d([3, 4]) };
const state = tx.init(params);
const { updates, state: next } = tx.update(grads, state, params);
applyUpdates(params, updates);
const x = Array.from(params.x.dataSync());
assert.ok(Math.abs(x[0]! - (1 - 0.1 * 0.6)) < 1e-6 && Math.abs(x[1]! - (2 - 0.1 * 0.8)) < 1e-6);
console.log(x.map((v) => v.toFixed(2)).join(' '));
tf.dispose([updates, state, next, grads, params.x]);
