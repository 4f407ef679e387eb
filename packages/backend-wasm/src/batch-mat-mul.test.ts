import { Random } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

// Reference: the exact product of the same float32 inputs, computed in float64.
function randomMatrix(random: Random, rows: number, cols: number): Float32Array {
  return Float32Array.from({ length: rows * cols }, () => random.next() * 2 - 1);
}

describe('registerFastBatchMatMul', () => {
  it('agrees with the exact product for every transpose combination and odd sizes', async () => {
    const random = new Random(3);
    for (const [m, k, n] of [[1, 1, 1], [7, 13, 5], [64, 784, 128], [33, 17, 65], [3, 128, 10]] as const) {
      for (const transposeA of [false, true]) {
        for (const transposeB of [false, true]) {
          const aValues = randomMatrix(random, m, k);
          const bValues = randomMatrix(random, k, n);
          const aShape: [number, number] = transposeA ? [k, m] : [m, k];
          const bShape: [number, number] = transposeB ? [n, k] : [k, n];
          const run = async (backend: string) => {
            await tf.setBackend(backend);
            const a = tf.tensor2d(aValues, aShape);
            const b = tf.tensor2d(bValues, bShape);
            const before = tf.memory().numTensors;
            const c = tf.matMul(a, b, transposeA, transposeB);
            expect(tf.memory().numTensors).toBe(before + 1);
            const out = await c.data();
            tf.dispose([a, b, c]);
            return out;
          };
          const got = await run('wasm');
          // Error relative to sum_k |a_ik * b_kj|, the natural scale of a float32 dot product's
          // rounding error (plain relative error is meaningless where the sum cancels to ~0).
          let worst = 0;
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let exact = 0;
              let scale = 0;
              for (let p = 0; p < k; p++) {
                const av = transposeA ? aValues[p * m + i]! : aValues[i * k + p]!;
                const bv = transposeB ? bValues[j * k + p]! : bValues[p * n + j]!;
                exact += av * bv;
                scale += Math.abs(av * bv);
              }
              worst = Math.max(worst, Math.abs(got[i * n + j]! - exact) / scale);
            }
          }
          expect(worst, `m=${m} k=${k} n=${n} tA=${transposeA} tB=${transposeB}`).toBeLessThan(1e-5);
        }
      }
    }
    await tf.setBackend('wasm');
  });

  it('leaves no data behind in the wasm backend', () => {
    const a = tf.ones([64, 784]);
    const b = tf.ones([64, 128]);
    const before = tf.engine().backend.numDataIds();
    const c = tf.matMul(a, b, true, false);
    expect(c.shape).toEqual([784, 128]);
    c.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(before);
    tf.dispose([a, b]);
  });
});
