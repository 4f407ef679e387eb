// The native MaxPool, MaxPoolGrad, AvgPool, AvgPoolGrad, Step, Relu and leading-axes Sum against
// tfjs-cpu's kernels on seeded random inputs (ties, NaN and −∞ included), through the ops and
// gradients users call, at every instruction set the CPU has and on 1 and 2 threads.
import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { NativeIsa } from '../addon.js';
import { nativeInfo, setNativeIsa, setNativeThreads } from '../load-native-backend.js';
import { randomArray } from '../test/reference.js';

const detected = nativeInfo().detectedIsa;
const initialThreads = nativeInfo().threads;
const isas = (['generic', 'avx2', 'avx512'] as NativeIsa[]).filter((isa) => setNativeIsa(isa));
setNativeIsa(detected);

afterAll(() => {
  setNativeIsa(detected);
  setNativeThreads(initialThreads);
  tf.setBackend('native');
});

/** `f` on cpu and on native (with no leak), read back. */
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

type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
interface PoolCase {
  shape: [number, number, number, number];
  size: number | [number, number];
  strides: number | [number, number];
  pad: Pad;
  rounding?: 'floor' | 'round' | 'ceil';
}

const POOLS: PoolCase[] = [
  { shape: [2, 6, 6, 3], size: 2, strides: 2, pad: 'valid' },
  { shape: [1, 7, 5, 2], size: 2, strides: 2, pad: 'valid' },
  { shape: [2, 7, 7, 2], size: 3, strides: 2, pad: 'valid' },
  { shape: [2, 7, 6, 2], size: [2, 3], strides: [2, 3], pad: 'same' },
  { shape: [1, 5, 5, 1], size: 3, strides: 1, pad: 'same' },
  { shape: [3, 9, 8, 5], size: [3, 2], strides: [1, 2], pad: 'same' },
  { shape: [2, 7, 7, 3], size: 3, strides: 2, pad: 1, rounding: 'ceil' },
  { shape: [1, 6, 7, 4], size: 2, strides: 2, pad: [[0, 0], [1, 0], [0, 1], [0, 0]] },
  { shape: [1, 1, 1, 9], size: 1, strides: 1, pad: 'valid' },
  { shape: [3, 26, 26, 32], size: 2, strides: 2, pad: 'valid' },
  { shape: [8, 11, 11, 64], size: 2, strides: 2, pad: 'valid' },
];

/** Max and average pools of `values` and their gradients (through tf.grad), on the current backend. */
function pools(values: Float32Array, p: PoolCase): tf.Tensor[] {
  const x = tf.tensor4d(values, p.shape);
  const max = (a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, p.size, p.strides, p.pad as 'same', p.rounding);
  const y = max(x);
  const dy = tf.tensor(randomArray(y.size, 3), y.shape);
  const outs = [y, tf.grad((a: tf.Tensor) => tf.sum(tf.mul(max(a), dy)))(x)];
  // tfjs's avgPool takes no explicit padding.
  if (!Array.isArray(p.pad)) {
    const avg = (a: tf.Tensor) => tf.avgPool(a as tf.Tensor4D, p.size, p.strides, p.pad as 'same', p.rounding);
    const z = avg(x);
    const dz = tf.tensor(randomArray(z.size, 4), z.shape);
    outs.push(z, tf.grad((a: tf.Tensor) => tf.sum(tf.mul(avg(a), dz)))(x));
  }
  return outs;
}

/** NaN-aware exact (or near) equality, per element. */
function expectSame(got: Float32Array, want: Float32Array, tolerance: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let j = 0; j < want.length; j++) {
    if (Number.isNaN(want[j])) expect(got[j], `${what}[${j}]`).toBeNaN();
    else if (!Number.isFinite(want[j])) expect(got[j], `${what}[${j}]`).toBe(want[j]);
    else expect(Math.abs(got[j]! - want[j]!), `${what}[${j}]: ${got[j]} vs ${want[j]}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(want[j]!)));
  }
}

const POOL_WHAT = ['max output', 'max gradient', 'avg output', 'avg gradient'];

describe.each(isas)('native MaxPool, MaxPoolGrad, AvgPool, AvgPoolGrad (%s)', (isa) => {
  it.each(POOLS.map((p) => [JSON.stringify(p), p] as const))('match tfjs-cpu: %s', (_, p) => {
    const n = p.shape.reduce((a, b) => a * b, 1);
    // Rounded values make ties, which both must resolve alike; NaN and −∞ as cpu treats them.
    const values = randomArray(n, n).map((v) => Math.round(v * 4) / 4);
    for (let i = 0; i < n; i += 7) values[i] = Number.NaN;
    for (let i = 3; i < n; i += 11) values[i] = Number.NEGATIVE_INFINITY;
    const finite = values.map((v) => (Number.isFinite(v) ? v : 0.5));
    for (const input of [values, finite]) {
      tf.setBackend('cpu');
      const want = tf.tidy(() => pools(input, p).map((t) => t.dataSync() as Float32Array));
      for (const threads of [1, 2]) {
        setNativeIsa(isa);
        setNativeThreads(threads);
        tf.setBackend('native');
        expectNoLeak(() => {
          const got = tf.tidy(() => pools(input, p).map((t) => t.dataSync() as Float32Array));
          // Max pools pick values (exact); sums are rounded once from float64, as cpu's.
          for (const [j, g] of got.entries()) expectSame(g, want[j]!, j === 0 ? 0 : 1e-6, `${POOL_WHAT[j]}, ${threads} thread(s)${input === finite ? ', finite' : ''}`);
        });
      }
    }
    setNativeIsa(detected);
    setNativeThreads(initialThreads);
  });
});

describe('native pools', () => {
  it('give every instruction set the same bits', () => {
    const p = POOLS[5]!;
    const values = randomArray(p.shape.reduce((a, b) => a * b, 1), 8);
    const results = isas.map((isa) => {
      setNativeIsa(isa);
      return tf.tidy(() => pools(values, p).map((t) => Array.from(t.dataSync())));
    });
    setNativeIsa(detected);
    for (const other of results.slice(1)) expect(other).toEqual(results[0]);
  });

  it('hand int32 inputs to the cpu kernels', () => {
    const x = tf.tensor4d([1, 5, 3, 2], [1, 2, 2, 1], 'int32');
    const y = tf.maxPool(x, 2, 1, 'valid');
    expect(y.dtype).toBe('int32');
    expect(Array.from(y.dataSync())).toEqual([5]);
    tf.dispose([x, y]);
  });

  it('run on native, not through the cpu fallback', () => {
    for (const name of [tf.MaxPool, tf.MaxPoolGrad, tf.AvgPool, tf.AvgPoolGrad]) {
      expect(tf.getKernel(name, 'native')?.kernelFunc, name).not.toBe(tf.getKernel(name, 'cpu')?.kernelFunc);
    }
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
