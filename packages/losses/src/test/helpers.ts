// Small helpers shared by this package's tests: reading tensors, finite differences. Closeness and
// leak checks are @lab/testing's.
import * as tf from '@tensorflow/tfjs-core';

/** The values of `t` as a plain array; disposes `t`, so tests can read a loss in one line. */
export function take(t: tf.Tensor): number[] {
  const values = Array.from(t.dataSync());
  t.dispose();
  return values;
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

/** Runs `fn` in `tf.tidy` and returns the values of its result, disposing every tensor it made. */
export function evaluate(fn: () => tf.Tensor): number[] {
  return take(tf.tidy(fn));
}
