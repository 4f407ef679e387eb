// Times the convolutional network kernels at the Keras MNIST convnet's shapes, batch 64
// (Conv2D 32 3×3 relu on 28×28×1 → MaxPool 2 → Conv2D 64 3×3 relu → MaxPool 2), on 'native'
// against 'cpu': each kernel on its own (tfjs's kernel names, through runKernel) with its GFLOP/s,
// then forward + backward of the two conv layers and pools through tf.grads, as training runs
// them. A measurement, nothing asserted.
//
//   node scripts/conv-speed.mjs              # after pnpm build; LAB_NATIVE_THREADS=1 for one thread,
//                                            # LAB_NATIVE_ISA=generic|avx2 for another instruction set,
//                                            # CONV_SPEED_BACKENDS=native to skip the (slow) cpu backend
import * as tf from '@tensorflow/tfjs-core';
// Node's tfjs-core bundle registers no gradients; @lab/core ships them as one module.
import '@lab/core/register-gradients';
import { loadNativeBackend } from '../dist/index.js';

tf.env().set('IS_TEST', true);
const status = await loadNativeBackend();
if (!status.ok) throw new Error(`conv-speed: ${status.reason}`);
console.log(`native: ${status.isa} (CPU's best ${status.detectedIsa}), ${status.threads} thread(s)`);

let seed = 1;
const random = (n) =>
  Float32Array.from({ length: n }, () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647 - 0.5;
  });
const size = (shape) => shape.reduce((a, b) => a * b, 1);

/** Best of `repeats` mean times (ms) of `iterations` calls of f, after a warm-up. */
function time(f, iterations, repeats = 3) {
  f();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    for (let i = 0; i < iterations; i++) f();
    best = Math.min(best, (performance.now() - t) / iterations);
  }
  return best;
}

const B = 64;
const layers = [
  { name: 'conv1', x: [B, 28, 28, 1], filter: [3, 3, 1, 32], y: [B, 26, 26, 32] },
  { name: 'conv2', x: [B, 13, 13, 32], filter: [3, 3, 32, 64], y: [B, 11, 11, 64] },
];
const conv = { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] };
const pools = [
  { name: 'pool1', x: [B, 26, 26, 32] },
  { name: 'pool2', x: [B, 11, 11, 64] },
];
const pool = { filterSize: [2, 2], strides: [2, 2], pad: 'valid' };

const backends = (process.env.CONV_SPEED_BACKENDS ?? 'native,cpu').split(',');
const results = {};
for (const backend of backends) {
  await tf.setBackend(backend);
  const slow = backend === 'cpu';
  const rows = {};
  const run = (kernel, inputs, attrs) => () => tf.dispose(tf.engine().runKernel(kernel, inputs, attrs));
  for (const l of layers) {
    const x = tf.tensor(random(size(l.x)), l.x);
    const filter = tf.tensor(random(size(l.filter)), l.filter);
    const bias = tf.tensor(random(l.filter[3]), [l.filter[3]]);
    const dy = tf.tensor(random(size(l.y)), l.y);
    const flops = 2 * size(l.y) * l.filter[0] * l.filter[1] * l.filter[2];
    const n = slow ? 1 : 20;
    const cases = {
      Conv2D: run(tf.Conv2D, { x, filter }, conv),
      'FusedConv2D (bias, relu)': run(tf.FusedConv2D, { x, filter, bias }, { ...conv, activation: 'relu' }),
      Conv2DBackpropFilter: run(tf.Conv2DBackpropFilter, { x, dy }, { ...conv, filterShape: l.filter }),
      Conv2DBackpropInput: run(tf.Conv2DBackpropInput, { dy, filter }, { ...conv, inputShape: l.x }),
    };
    for (const [name, f] of Object.entries(cases)) {
      const ms = time(f, n, slow ? 1 : 3);
      rows[`${l.name} ${name}`] = { ms, gflops: flops / ms / 1e6 };
    }
    tf.dispose([x, filter, bias, dy]);
  }
  for (const p of pools) {
    const x = tf.tensor(random(size(p.x)), p.x);
    const y = tf.engine().runKernel(tf.MaxPool, { x }, pool);
    const dy = tf.tensor(random(size(y.shape)), y.shape);
    const n = slow ? 3 : 100;
    rows[`${p.name} MaxPool`] = { ms: time(run(tf.MaxPool, { x }, pool), n) };
    rows[`${p.name} MaxPoolGrad`] = { ms: time(run(tf.MaxPoolGrad, { dy, input: x, output: y }, pool), n) };
    rows[`${p.name} AvgPool`] = { ms: time(run(tf.AvgPool, { x }, pool), n) };
    rows[`${p.name} AvgPoolGrad`] = { ms: time(run(tf.AvgPoolGrad, { dy, input: x }, pool), n) };
    tf.dispose([x, y, dy]);
  }
  // Forward + backward of the two conv layers (fused bias + relu) and pools, as a training step runs them.
  {
    const x = tf.tensor(random(B * 28 * 28), [B, 28, 28, 1]);
    const params = [tf.tensor(random(9 * 32), [3, 3, 1, 32]), tf.tensor(random(32), [32]), tf.tensor(random(9 * 32 * 64), [3, 3, 32, 64]), tf.tensor(random(64), [64])];
    const r = tf.tensor(random(B * 5 * 5 * 64), [B, 5, 5, 64]);
    const loss = (w1, b1, w2, b2) => {
      const h1 = tf.maxPool(tf.fused.conv2d({ x, filter: w1, strides: 1, pad: 'valid', bias: b1, activation: 'relu' }), 2, 2, 'valid');
      const h2 = tf.maxPool(tf.fused.conv2d({ x: h1, filter: w2, strides: 1, pad: 'valid', bias: b2, activation: 'relu' }), 2, 2, 'valid');
      return tf.sum(tf.mul(h2, r));
    };
    const step = () => tf.dispose(tf.grads(loss)(params));
    const before = tf.memory().numTensors;
    const ms = time(step, slow ? 1 : 20, slow ? 1 : 3);
    if (tf.memory().numTensors !== before) console.warn('conv-speed: tensors leaked');
    const flops = 2 * (2 * size(layers[0].y) * 9 + 3 * size(layers[1].y) * 9 * 32);
    rows['train step (fwd + bwd, both convs + pools)'] = { ms, gflops: flops / ms / 1e6, samplesPerSecond: (B / ms) * 1000 };
    tf.dispose([x, r, ...params]);
  }
  results[backend] = rows;
}

const names = Object.keys(results[backends[0]]);
const header = backends.map((b) => `${b} ms | ${b} GFLOP/s`).join(' | ');
console.log(`\n| kernel (batch ${B}) | ${header} |${backends.length > 1 ? ' speed-up |' : ''}\n|---|${backends.map(() => '---:|---:').join('|')}|${backends.length > 1 ? '---:|' : ''}`);
for (const name of names) {
  const cells = backends.map((b) => {
    const r = results[b][name];
    return `${r.ms.toFixed(3)} | ${r.gflops === undefined ? '' : r.gflops.toFixed(1)}`;
  });
  const speedup = backends.length > 1 ? ` ${(results[backends[1]][name].ms / results[backends[0]][name].ms).toFixed(1)}× |` : '';
  console.log(`| ${name} | ${cells.join(' | ')} |${speedup}`);
}
const step = results[backends[0]]['train step (fwd + bwd, both convs + pools)'];
console.log(`\n${backends[0]}: the conv layers' forward + backward at ${step.samplesPerSecond.toFixed(0)} samples/s`);
