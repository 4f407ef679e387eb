import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomArray } from '../test/reference.js';

/** float64 act(op(a)·op(b) + bias) for one batch, with its error scale Σ|terms|. */
function reference(a: Float32Array, b: Float32Array, bias: Float32Array, m: number, n: number, k: number, ta: boolean, tb: boolean, relu: boolean) {
  const out = new Float64Array(m * n);
  const scale = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = bias[bias.length === 1 ? 0 : j]!;
      let s = Math.abs(sum);
      for (let p = 0; p < k; p++) {
        const x = a[ta ? p * m + i : i * k + p]! * b[tb ? j * k + p : p * n + j]!;
        sum += x;
        s += Math.abs(x);
      }
      out[i * n + j] = relu ? Math.max(sum, 0) : sum;
      scale[i * n + j] = s;
    }
  }
  return { out, scale };
}

describe('_FusedMatMul on native', () => {
  it('adds a bias and applies relu or linear in every transpose combination, to 1e-5', () => {
    const before = tf.memory().numTensors;
    for (const [m, n, k] of [
      [33, 128, 300],
      [13, 10, 7],
      [3, 1, 5],
    ] as [number, number, number][]) {
      for (const ta of [false, true]) {
        for (const tb of [false, true]) {
          for (const activation of ['relu', 'linear'] as const) {
            for (const biasSize of [n, 1]) {
              const a = randomArray(m * k, m + k);
              const b = randomArray(k * n, n + k);
              const bias = randomArray(biasSize, 7);
              const y = tf.tidy(() =>
                tf.fused.matMul({
                  a: tf.tensor2d(a, ta ? [k, m] : [m, k]),
                  b: tf.tensor2d(b, tb ? [n, k] : [k, n]),
                  transposeA: ta,
                  transposeB: tb,
                  bias: tf.tensor1d(bias),
                  activation,
                }),
              );
              const got = y.dataSync();
              y.dispose();
              const { out, scale } = reference(a, b, bias, m, n, k, ta, tb, activation === 'relu');
              for (let i = 0; i < out.length; i++) {
                expect(Math.abs(got[i]! - out[i]!) / Math.max(scale[i]!, 1e-30), `${m}×${n}×${k} ${ta} ${tb} ${activation}`).toBeLessThan(1e-5);
              }
            }
          }
        }
      }
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('hands other activations and bias shapes to the cpu kernel, with the same numbers', async () => {
    const a = tf.tensor2d(randomArray(12, 1), [3, 4]);
    const b = tf.tensor2d(randomArray(20, 2), [4, 5]);
    const bias = tf.tensor2d(randomArray(15, 3), [3, 5]);
    const native = tf.fused.matMul({ a, b, bias, activation: 'elu' });
    const expected = tf.elu(tf.add(tf.matMul(a, b), bias));
    const [x, y] = [await native.data(), await expected.data()];
    for (let i = 0; i < x.length; i++) expect(x[i]).toBeCloseTo(y[i]!, 6);
    tf.dispose([a, b, bias, native, expected]);
  });

  it('has gradients (through tfjs-core and the native BatchMatMul) equal to the cpu backend', async () => {
    const x = randomArray(6 * 9, 4);
    const w = randomArray(9 * 5, 5);
    const bv = randomArray(5, 6);
    const grads = () =>
      tf.tidy(() => {
        const [xt, wt, bt] = [tf.tensor2d(x, [6, 9]), tf.tensor2d(w, [9, 5]), tf.tensor1d(bv)];
        const f = (p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) =>
          tf.sum(tf.square(tf.fused.matMul({ a: p as tf.Tensor2D, b: q as tf.Tensor2D, bias: r, activation: 'relu' })));
        return tf.grads(f)([xt, wt, bt]).map((g) => g.dataSync());
      });
    const native = grads();
    await tf.setBackend('cpu');
    const cpu = grads();
    await tf.setBackend('native');
    for (const [i, g] of native.entries()) {
      for (let j = 0; j < g.length; j++) expect(Math.abs(g[j]! - cpu[i]![j]!)).toBeLessThan(1e-5);
    }
  });
});
