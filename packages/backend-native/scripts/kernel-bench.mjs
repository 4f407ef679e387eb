// Times the addon's kernels on the lesson's shapes, called directly (no tfjs): the two forward
// products, the two Dense backward passes and one Adam update of the 784 × 128 kernel, with
// outputs allocated once and, for comparison, fresh each call. A measurement, nothing asserted.
//
//   node scripts/kernel-bench.mjs           # after pnpm build; LAB_NATIVE_THREADS=1 for one thread
import { loadAddon } from '../dist/addon.js';

const loaded = loadAddon();
if (!('addon' in loaded)) throw new Error(`kernel-bench: ${loaded.reason}`);
const a = loaded.addon;
console.log(a.info());
let seed = 1;
function next() {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647 - 0.5;
}
const random = (n) => Float32Array.from({ length: n }, next);
const x = random(64 * 784);
const [w1, b1, w2, b2] = [random(784 * 128), random(128), random(128 * 10), random(10)];
const [h, o] = [new Float32Array(64 * 128), new Float32Array(64 * 10)];
function time(name, f, iterations = 2000) {
  for (let i = 0; i < 200; i++) f();
  const t = performance.now();
  for (let i = 0; i < iterations; i++) f();
  console.log(`${name.padEnd(34)} ${(((performance.now() - t) / iterations) * 1000).toFixed(1)} µs`);
}
const { activation } = a.enums;
const layer = (m, n, k, act) => ({ batch: 1, m, n, k, transposeA: false, transposeB: false, batchA: 1, batchB: 1, activation: act });
time('forward 64×784×128 + bias + relu', () => a.matmul(x, w1, h, b1, layer(64, 128, 784, activation.relu)));
time('forward 64×128×10 + bias', () => a.matmul(h, w2, o, b2, layer(64, 10, 128, activation.linear)));
const [dw1, db1, dw2, db2, dh] = [new Float32Array(784 * 128), new Float32Array(128), new Float32Array(1280), new Float32Array(10), new Float32Array(64 * 128)];
const dy2 = random(640);
time('backward layer 1 (dW, db)', () => a.denseBackward(x, w1, h, dh, dw1, db1, null, { rows: 64, inputs: 784, outputs: 128, activation: activation.relu }));
time('backward layer 2 (dW, db, dx)', () => a.denseBackward(h, w2, o, dy2, dw2, db2, dh, { rows: 64, inputs: 128, outputs: 10, activation: activation.linear }));
const n = 784 * 128;
const [g, m, v, p] = [random(n), new Float32Array(n), new Float32Array(n), random(n)];
const [out, mo, vo] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
const adam = () => ({ beta1: 0.9, beta2: 0.999, stepScale: 1, epsHat: 1e-7, scale: -0.001, weightDecay: 0 });
time('Adam, 100,352 weights', () => a.adamUpdate(g, m, v, p, out, mo, vo, adam()));
time('Adam, fresh output arrays', () => a.adamUpdate(g, m, v, p, new Float32Array(n), new Float32Array(n), new Float32Array(n), adam()));
