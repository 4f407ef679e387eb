// Small helpers shared by this package's tests: reading tensors, leak checks, finite differences.
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/** The values of `t` as a plain array; disposes `t`, so tests can read a loss in one line. */
export function take(t: tf.Tensor): number[] {
  const values = Array.from(t.dataSync());
  t.dispose();
  return values;
}

/**
 * Runs `fn`, disposes whatever tensors it returns, and asserts the live tensor count is back
 * where it started: `fn` disposed all its intermediates.
 */
export function expectNoLeak(fn: () => tf.TensorContainer): void {
  const before = tf.memory().numTensors;
  tf.dispose(fn());
  expect(tf.memory().numTensors).toBe(before);
}

/**
 * Central finite differences of a scalar function of one tensor: (f(x + eps) - f(x - eps)) / 2eps
 * per element. In float32 with eps = 1e-2 and f about 1, rounding adds about 1e-5 and truncation
 * about eps^2 |f'''| / 6, so compare with an absolute tolerance near 1e-3.
 */
export function numericGradient(f: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor, eps = 1e-2): number[] {
  const base = x.dataSync();
  const at = (i: number, delta: number): number => {
    const shifted = Float32Array.from(base);
    shifted[i] = (shifted[i] ?? 0) + delta;
    return tf.tidy(() => f(tf.tensor(shifted, x.shape)).dataSync()[0] ?? Number.NaN);
  };
  return Array.from(base, (_, i) => (at(i, eps) - at(i, -eps)) / (2 * eps));
}

/** Asserts two arrays agree elementwise within `abs + rel * |expected|`. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, abs = 1e-6, rel = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] ?? Number.NaN;
    const got = actual[i] ?? Number.NaN;
    if (!(Math.abs(got - want) <= abs + rel * Math.abs(want))) {
      expect.fail(`element ${i}: got ${got}, expected ${want} (abs ${abs}, rel ${rel})`);
    }
  }
}

/** Runs `fn` in `tf.tidy` and returns the values of its result, disposing every tensor it made. */
export function evaluate(fn: () => tf.Tensor): number[] {
  return take(tf.tidy(fn));
}
