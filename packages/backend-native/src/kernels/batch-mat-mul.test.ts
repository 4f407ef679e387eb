import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { NativeIsa } from '../addon.js';
import { nativeInfo, setNativeIsa, setNativeThreads } from '../load-native-backend.js';
import { matMulError, randomArray } from '../test/reference.js';

const detected = nativeInfo().detectedIsa;
const isas = (['generic', 'avx2', 'avx512'] as NativeIsa[]).filter((isa) => setNativeIsa(isa));
setNativeIsa(detected);
console.log(`native matmul tests at instruction sets: ${isas.join(', ')} (CPU's best: ${detected})`);
afterAll(() => {
  setNativeIsa(detected);
  setNativeThreads(2);
});

// [m, n, k]: odd sizes around the micro-tiles (4×8, 6×16, 8×32), k past the 256 block, the
// lesson's layer shapes, and products large enough to split across threads.
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [17, 31, 13],
  [6, 16, 256],
  [7, 33, 257],
  [64, 128, 784],
  [784, 128, 64],
  [64, 10, 128],
  [129, 65, 300],
  [5, 700, 3],
];
const transposes: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

function product(m: number, n: number, k: number, ta: boolean, tb: boolean, seed: number) {
  const a = randomArray(m * k, seed);
  const b = randomArray(k * n, seed + 1);
  const out = tf.tidy(() => tf.matMul(tf.tensor2d(a, ta ? [k, m] : [m, k]), tf.tensor2d(b, tb ? [n, k] : [k, n]), ta, tb));
  const c = out.dataSync() as Float32Array;
  expect(out.shape).toEqual([m, n]);
  out.dispose();
  return matMulError(a, b, c, m, n, k, ta, tb);
}

describe.each(isas)('BatchMatMul on native (%s)', (isa) => {
  for (const threads of [1, 2]) {
    it(`matches a float64 product to 1e-5 for every shape and transpose, ${threads} thread(s)`, () => {
      setNativeIsa(isa);
      setNativeThreads(threads);
      const before = tf.memory().numTensors;
      for (const [m, n, k] of shapes) {
        for (const [ta, tb] of transposes) {
          const error = product(m, n, k, ta, tb, m * 7 + n * 3 + k);
          expect(error, `${m}×${n}×${k} transposeA=${ta} transposeB=${tb}`).toBeLessThan(1e-5);
        }
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('BatchMatMul batches', () => {
  it('multiplies batches and broadcasts a batch of one, like the cpu backend', async () => {
    const cases: [number[], number[], boolean, boolean][] = [
      [[3, 5, 7], [3, 7, 4], false, false],
      [[2, 3, 7, 5], [2, 3, 4, 7], true, true],
      [[1, 5, 7], [4, 7, 6], false, false],
      [[4, 5, 7], [7, 6], false, false],
    ];
    for (const [sa, sb, ta, tb] of cases) {
      const a = tf.tensor(randomArray(tf.util.sizeFromShape(sa), 1), sa);
      const b = tf.tensor(randomArray(tf.util.sizeFromShape(sb), 2), sb);
      const native = tf.matMul(a, b, ta, tb);
      await tf.setBackend('cpu');
      const [ac, bc] = [tf.tensor(await a.data(), sa), tf.tensor(await b.data(), sb)];
      const cpu = tf.matMul(ac, bc, ta, tb);
      expect(native.shape).toEqual(cpu.shape);
      const [x, y] = [await native.data(), await cpu.data()];
      for (let i = 0; i < x.length; i++) expect(Math.abs(x[i]! - y[i]!)).toBeLessThan(1e-5);
      tf.dispose([ac, bc, cpu]);
      await tf.setBackend('native');
      tf.dispose([a, b, native]);
    }
  });

  it('hands int32 products and mismatched sizes to the cpu kernel (same results, same errors)', () => {
    const out = tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), tf.tensor2d([5, 6, 7, 8], [2, 2], 'int32'));
    expect(out.dtype).toBe('int32');
    expect(Array.from(out.dataSync())).toEqual([19, 22, 43, 50]);
    out.dispose();
    expect(() => tf.matMul(tf.zeros([2, 3]), tf.zeros([2, 3]))).toThrow(/inner shapes/);
  });

  it('gives empty and zero-k products their shapes', () => {
    const empty = tf.matMul(tf.zeros([0, 3]), tf.zeros([3, 4]));
    expect(empty.shape).toEqual([0, 4]);
    const zeroK = tf.matMul(tf.zeros([2, 0]), tf.zeros([0, 3]));
    expect(Array.from(zeroK.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
    tf.dispose([empty, zeroK]);
  });
});
