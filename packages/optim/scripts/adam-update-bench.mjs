// Times one Adam update of the lesson's model parameters (784x128, 128, 128x10, 10): @lab/optim's
// adam() + applyUpdates against tfjs-core's tf.train.adam(0.001).applyGradients, on the cpu and wasm
// backends. A benchmark, not a test: run after `pnpm build`, from packages/optim:
//     node scripts/adam-update-bench.mjs [iterations]
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { adam, applyUpdates } from '../dist/index.js';

tf.env().set('IS_TEST', true); // silences the "install tfjs-node" banner
const ITERATIONS = Number(process.argv[2] ?? 300);
const WARMUP = 30;
const SHAPES = { w1: [784, 128], b1: [128], w2: [128, 10], b2: [10] };

function setup() {
  const variables = {};
  const grads = {};
  for (const [name, shape] of Object.entries(SHAPES)) {
    variables[name] = tf.tidy(() => tf.variable(tf.randomNormal(shape, 0, 0.05, 'float32', 1), true, `${name}-${Math.random()}`));
    grads[name] = tf.randomNormal(shape, 0, 0.01, 'float32', 2);
  }
  return { variables, grads };
}

/** Milliseconds per call of `step`, after warming up; reads a value back so queued work is counted. */
function time(step, variables) {
  for (let i = 0; i < WARMUP; i++) step();
  variables.w1.dataSync();
  const start = performance.now();
  for (let i = 0; i < ITERATIONS; i++) step();
  variables.w1.dataSync();
  return (performance.now() - start) / ITERATIONS;
}

function ours() {
  const { variables, grads } = setup();
  const tx = adam();
  let state = tx.init(variables);
  const ms = time(() => {
    const r = tx.update(grads, state, variables);
    applyUpdates(variables, r.updates);
    tf.dispose([r.updates, state]);
    state = r.state;
  }, variables);
  tf.dispose([state, variables, grads]);
  return ms;
}

function theirs() {
  const { variables, grads } = setup();
  const optimizer = tf.train.adam(0.001);
  const byName = Object.fromEntries(Object.values(variables).map((v, i) => [v.name, Object.values(grads)[i]]));
  const ms = time(() => optimizer.applyGradients(byName), variables);
  optimizer.dispose();
  tf.dispose([variables, grads]);
  return ms;
}

const rows = [];
for (const backend of ['cpu', 'wasm']) {
  await tf.setBackend(backend);
  await tf.ready();
  const before = tf.memory().numTensors;
  // Alternate to spread any drift over both.
  const [a1, b1, a2, b2] = [ours(), theirs(), ours(), theirs()];
  rows.push({
    backend,
    '@lab/optim adam (ms)': Math.min(a1, a2).toFixed(3),
    'tf.train.adam (ms)': Math.min(b1, b2).toFixed(3),
    ratio: (Math.min(a1, a2) / Math.min(b1, b2)).toFixed(2),
    leaked: tf.memory().numTensors - before,
  });
}
console.table(rows);
