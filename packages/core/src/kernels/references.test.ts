import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adamUpdate, correlate1d, denseBackward, momentumUpdate, rmspropUpdate, sgdUpdate, softmaxCrossEntropy, uniform1d } from './index.js';

// Each contract's reference composite against its formula evaluated in float64 (plain JavaScript
// numbers) on small inputs, to float32 rounding; and no tensor left behind.
const g = [0.5, -1, 2, 0];
const p = [1, 2, -3, 4];
const close = (got: tf.Tensor, want: number[], tol = 1e-6) => {
  const values = Array.from(got.dataSync());
  expect(values.length).toBe(want.length);
  for (const [i, v] of values.entries()) expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i]!)));
};

function leakFree(run: () => void) {
  const before = tf.memory().numTensors;
  run();
  expect(tf.memory().numTensors).toBe(before);
}

describe('kernel contracts: reference composites', () => {
  it('LabAdamUpdate: m̂ / (√v̂ + ε), AdamW decay, scale, with and without param', () =>
    leakFree(() => {
      const m = [0.1, 0.2, -0.3, 0];
      const v = [0.01, 0.04, 0.09, 0];
      const [b1, b2, eps, count, scale, wd] = [0.9, 0.999, 1e-7, 3, -0.01, 0.004];
      const mN = m.map((x, i) => b1 * x + (1 - b1) * g[i]!);
      const vN = v.map((x, i) => b2 * x + (1 - b2) * g[i]! ** 2);
      const u = mN.map((x, i) => x / (1 - b1 ** count) / (Math.sqrt(vN[i]! / (1 - b2 ** count)) + eps));
      const inputs = { grad: tf.tensor1d(g), m: tf.tensor1d(m), v: tf.tensor1d(v), param: tf.tensor1d(p) };
      const outs = adamUpdate.reference(inputs, { beta1: b1, beta2: b2, epsilon: eps, count, scale, weightDecay: wd });
      close(outs[0]!, p.map((x, i) => x + scale * (u[i]! + wd * x)));
      close(outs[1]!, mN);
      close(outs[2]!, vN);
      const direction = adamUpdate.reference({ ...inputs, param: undefined }, { beta1: b1, beta2: b2, epsilon: eps, count, scale: 1 });
      close(direction[0]!, u, 1e-5);
      expect(() => adamUpdate.reference({ ...inputs, param: undefined }, { beta1: b1, beta2: b2, epsilon: eps, count, scale: 1, weightDecay: 1 })).toThrow(
        "LabAdamUpdate: weightDecay needs the 'param' input",
      );
      expect(() => adamUpdate.reference(inputs, { beta1: b1, beta2: b2, epsilon: eps, count: 0, scale: 1 })).toThrow('count must be >= 1, got 0');
      tf.dispose([...Object.values(inputs), ...outs, ...direction]);
    }));

  it('LabSgdUpdate and LabMomentumUpdate (plain and Nesterov)', () =>
    leakFree(() => {
      const [grad, param, trace] = [tf.tensor1d(g), tf.tensor1d(p), tf.tensor1d([1, 1, 1, 1])];
      const sgd = sgdUpdate.reference({ grad, param }, { scale: -0.1 });
      close(sgd[0]!, p.map((x, i) => x - 0.1 * g[i]!));
      for (const nesterov of [false, true]) {
        const [out, next] = momentumUpdate.reference({ grad, trace, param }, { decay: 0.9, nesterov, scale: -0.1 });
        const t = g.map((x) => x + 0.9);
        close(next!, t);
        close(out!, p.map((x, i) => x - 0.1 * (nesterov ? g[i]! + 0.9 * t[i]! : t[i]!)));
        tf.dispose([out!, next!]);
      }
      tf.dispose([grad, param, trace, ...sgd]);
    }));

  it('LabRmspropUpdate: plain and centered, epsilon inside or outside the root', () =>
    leakFree(() => {
      const [grad, nu, mu, param] = [tf.tensor1d(g), tf.tensor1d([0.1, 0.1, 0.1, 0.1]), tf.tensor1d([0.05, 0, -0.05, 0]), tf.tensor1d(p)];
      for (const centered of [false, true]) {
        for (const epsInSqrt of [false, true]) {
          const outs = rmspropUpdate.reference({ grad, nu, mu: centered ? mu : undefined, param }, { decay: 0.9, epsilon: 1e-3, epsInSqrt, scale: -0.01 });
          const nuN = g.map((x) => 0.9 * 0.1 + 0.1 * x * x);
          const muN = [0.05, 0, -0.05, 0].map((x, i) => 0.9 * x + 0.1 * g[i]!);
          const variance = nuN.map((x, i) => (centered ? x - muN[i]! ** 2 : x));
          const u = g.map((x, i) => x / (epsInSqrt ? Math.sqrt(variance[i]! + 1e-3) : Math.sqrt(variance[i]!) + 1e-3));
          close(outs[0]!, p.map((x, i) => x - 0.01 * u[i]!));
          close(outs[1]!, nuN);
          expect(outs).toHaveLength(centered ? 3 : 2);
          if (centered) close(outs[2]!, muN);
          tf.dispose(outs);
        }
      }
      tf.dispose([grad, nu, mu, param]);
    }));

  it('LabSoftmaxCrossEntropy: per-row loss and scaled gradient, also for unnormalised labels', () =>
    leakFree(() => {
      const z = [1, 2, 3, -1, 0, 1];
      const t = [0, 0, 1, 0.5, 0.5, 1];
      const [logits, labels] = [tf.tensor2d(z, [2, 3]), tf.tensor2d(t, [2, 3])];
      const outs = softmaxCrossEntropy.reference({ logits, labels }, { scale: 0.5 });
      const loss: number[] = [];
      const grad: number[] = [];
      for (let r = 0; r < 2; r++) {
        const zr = z.slice(3 * r, 3 * r + 3);
        const tr = t.slice(3 * r, 3 * r + 3);
        const lse = Math.log(zr.reduce((s, x) => s + Math.exp(x), 0));
        const sumT = tr.reduce((s, x) => s + x, 0);
        loss.push(lse * sumT - tr.reduce((s, x, j) => s + x * zr[j]!, 0));
        for (const [j, x] of zr.entries()) grad.push(0.5 * (Math.exp(x - lse) * sumT - tr[j]!));
      }
      close(outs[0]!, loss);
      close(outs[1]!, grad);
      tf.dispose([logits, labels, ...outs]);
      const bad = tf.tensor1d([1, 2]);
      expect(() => softmaxCrossEntropy.reference({ logits: bad, labels: bad }, {})).toThrow('must both be [rows, classes]');
      bad.dispose();
    }));

  it("LabDenseBackward: equals tfjs's gradients of relu(x·W + b), with NaN kept in the relu mask", () =>
    leakFree(() => {
      const x = tf.tensor2d([1, 2, -1, 0.5, 3, -2], [3, 2]);
      const w = tf.tensor2d([0.5, -1, 0.25, 1], [2, 2]);
      const b = tf.tensor1d([0.1, -0.2]);
      const dy = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
      const y = tf.tidy(() => tf.relu(tf.add(tf.matMul(x, w), b)));
      const want = tf.grads((a: tf.Tensor, k: tf.Tensor, c: tf.Tensor) => tf.sum(tf.mul(tf.relu(tf.add(tf.matMul(a, k), c)), dy)))([x, w, b]);
      const outs = denseBackward.reference({ x, kernel: w, dy, y }, { activation: 'relu', hasBias: true, inputGrad: true });
      close(outs[0]!, Array.from(want[1]!.dataSync()));
      close(outs[1]!, Array.from(want[2]!.dataSync()));
      close(outs[2]!, Array.from(want[0]!.dataSync()));
      const nanY = tf.tensor2d([Number.NaN, 1, 0, 1, 1, 1], [3, 2]);
      const nanOuts = denseBackward.reference({ x, kernel: w, dy, y: nanY }, { activation: 'relu', hasBias: true, inputGrad: false });
      expect(nanOuts).toHaveLength(2);
      expect(Number.isNaN(nanOuts[1]!.dataSync()[0])).toBe(true);
      tf.dispose([x, w, b, dy, y, nanY, ...nanOuts, ...want, ...outs]);
    }));

  it('LabCorrelate1D and LabUniform1D: taps over each line extended by its indices (−1 reads cval), along the middle axis only', () =>
    leakFree(() => {
      // [outer 2, length 3, inner 2]; line (o, j) is x[o, :, j].
      const values = [1, 10, 2, 20, 4, 40, 3, 30, 5, 50, 7, 70];
      const x = tf.tensor3d(values, [2, 3, 2]);
      const at = (o: number, p: number, j: number) => values[(o * 3 + p) * 2 + j]!;
      // Window 3 centred at 1: extended positions -1..3, reflect on the left, cval on the right.
      const indices = [0, 0, 1, 2, -1];
      const cval = 0.5;
      const read = (o: number, e: number, j: number) => (indices[e]! < 0 ? cval : at(o, indices[e]!, j));
      const weights = [0.25, 0.5, -1];
      const want: number[] = [];
      const mean: number[] = [];
      for (let o = 0; o < 2; o++) {
        for (let p = 0; p < 3; p++) {
          for (let j = 0; j < 2; j++) {
            want.push(weights.reduce((s, w, t) => s + w * read(o, p + t, j), 0));
            mean.push((read(o, p, j) + read(o, p + 1, j) + read(o, p + 2, j)) / 3);
          }
        }
      }
      const [out] = correlate1d.reference({ x }, { weights, indices, cval });
      expect(out!.shape).toEqual([2, 3, 2]);
      close(out!, want);
      const [avg] = uniform1d.reference({ x }, { size: 3, indices, cval });
      close(avg!, mean);
      tf.dispose([x, out!, avg!]);
    }));
});
