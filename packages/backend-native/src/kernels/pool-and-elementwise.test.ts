// The native MaxPool, MaxPoolGrad, Step, Relu and leading-axes Sum against tfjs-cpu's kernels on
// seeded random inputs (ties and NaN included), through the ops and gradients users call.
import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { randomArray } from '../test/reference.js';

afterAll(() => {
  tf.setBackend('native');
});

/** `f` on cpu and on native, read back. */
function both(f: () => tf.Tensor[]): [Float32Array[], Float32Array[]] {
  const on = (backend: string) => {
    tf.setBackend(backend);
    return tf.tidy(() => f().map((t) => t.dataSync() as Float32Array));
  };
  const want = on('cpu');
  let got: Float32Array[] = [];
  expectNoLeak(() => {
    got = on('native');
  });
  return [got, want];
}

const POOLS: { shape: [number, number, number, number]; size: number | [number, number]; strides: number | [number, number]; pad: 'valid' | 'same' }[] = [
  { shape: [2, 6, 6, 3], size: 2, strides: 2, pad: 'valid' },
  { shape: [1, 7, 5, 2], size: 2, strides: 2, pad: 'valid' },
  { shape: [2, 7, 7, 2], size: 3, strides: 2, pad: 'valid' },
  { shape: [2, 7, 6, 2], size: [2, 3], strides: [2, 3], pad: 'same' },
  { shape: [1, 5, 5, 1], size: 3, strides: 1, pad: 'same' },
  { shape: [3, 26, 26, 32], size: 2, strides: 2, pad: 'valid' },
];

describe('native MaxPool and MaxPoolGrad', () => {
  it.each(POOLS.map((p) => [JSON.stringify(p), p] as const))('match tfjs-cpu: %s', (_, p) => {
    const n = p.shape.reduce((a, b) => a * b, 1);
    // Rounded values make ties, which both must resolve alike.
    const values = randomArray(n, n).map((v) => Math.round(v * 4) / 4);
    const [got, want] = both(() => {
      const x = tf.tensor4d(values, p.shape);
      const y = tf.maxPool(x, p.size, p.strides, p.pad);
      const dy = tf.tensor(randomArray(y.size, 3), y.shape);
      return [y, tf.grad((a: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, p.size, p.strides, p.pad), dy)))(x)];
    });
    expectAllClose(got[0]!, want[0]!, { abs: 0, rel: 0, message: 'output' });
    expectAllClose(got[1]!, want[1]!, { abs: 1e-6, rel: 1e-6, message: 'gradient' });
  });
});

describe('native Step, Relu and Sum over leading axes', () => {
  it('match tfjs-cpu, NaN included', () => {
    const values = randomArray(4 * 5 * 6 * 3, 9);
    values[7] = Number.NaN;
    values[8] = 0;
    const [got, want] = both(() => {
      const x = tf.tensor4d(values, [4, 5, 6, 3]);
      return [tf.relu(x), tf.step(x), tf.step(x, 0.3), tf.sum(x, [0, 1, 2]), tf.sum(x, 0), tf.sum(x, [1, 0], true), tf.sum(x, [1, 2])];
    });
    const what = ['relu', 'step', 'step 0.3', 'sum [0,1,2]', 'sum 0', 'sum [1,0] keepDims', 'sum [1,2] (cpu path)'];
    got.forEach((g, i) => {
      const w = want[i]!;
      expect(g.length, what[i]).toBe(w.length);
      for (let j = 0; j < w.length; j++) {
        if (Number.isNaN(w[j])) expect(g[j], `${what[i]}[${j}]`).toBeNaN();
        else expect(Math.abs(g[j]! - w[j]!), `${what[i]}[${j}]`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(w[j]!)));
      }
    });
  });
});
