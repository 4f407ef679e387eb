import * as tf from '@tensorflow/tfjs-core';
import { kernelContract } from '../kernel-contract.js';

/** Inputs of {@link correlate1d} and {@link uniform1d}: `x`, float32 `[outer, length, inner]`, filtered along its middle axis. */
export type LineFilterInputs = { x: tf.TensorInfo };

/**
 * How each line is extended before it is filtered: extended position `e` (of
 * `length + taps − 1`, the window starting `taps // 2` before the first value) reads the line at
 * `indices[e]`, or `cval` where `indices[e]` is −1 — so a boundary mode (reflect, nearest,
 * mirror, constant, wrap) is a list of indices, made by the caller.
 */
export interface LineExtension {
  /** `length + taps − 1` integers in [−1, length). */
  indices: number[];
  /** The value read at index −1. */
  cval: number;
}

/** Attributes of {@link correlate1d}. */
export interface Correlate1dAttrs extends LineExtension {
  /** The taps, centred at `weights.length // 2` (at least one). */
  weights: number[];
}

/** Attributes of {@link uniform1d}. */
export interface Uniform1dAttrs extends LineExtension {
  /** The window, at least 1. */
  size: number;
}

/** The lines extended by `indices` and `cval`: `[outer, length + taps − 1, inner]`. */
function extendLines(x: tf.Tensor, { indices, cval }: LineExtension): tf.Tensor {
  const [outer, length, inner] = x.shape as [number, number, number];
  // Index `length` reads an appended slice of cval.
  const withCval = tf.concat([x, tf.fill([outer, 1, inner], cval)], 1);
  return tf.gather(withCval, tf.tensor1d(indices.map((i) => (i < 0 ? length : i)), 'int32'), 1);
}

/** One `valid` correlation of the extended lines with `weights`, on the backend's conv2d. */
function correlateExtended(x: tf.Tensor, weights: readonly number[], extension: LineExtension): tf.Tensor {
  const [outer, length, inner] = x.shape as [number, number, number];
  const extended = extendLines(x, extension);
  const kernel = tf.tensor4d(weights as number[], [weights.length, 1, 1, 1]);
  const out = tf.conv2d(tf.reshape(extended, [outer, length + weights.length - 1, inner, 1]) as tf.Tensor4D, kernel, 1, 'valid');
  return tf.reshape(out, [outer, length, inner]);
}

/**
 * `LabCorrelate1D`: `scipy.ndimage.correlate1d` along the middle axis. Output `[out]`, the shape
 * of `x`: `out[o, p, j] = Σₜ ext[o, p + t, j] · weights[t]` over the lines extended as
 * {@link LineExtension} says. A backend sums in float64 in scipy's order (the centre tap, then the
 * symmetric pairs from the outermost in), so its result is scipy's rounded once to float32; the
 * reference runs conv2d in float32.
 */
export const correlate1d = kernelContract<LineFilterInputs, Correlate1dAttrs>({
  name: 'LabCorrelate1D',
  outputs: ['out'],
  reference: ({ x }, { weights, ...extension }) => tf.tidy(() => [correlateExtended(x, weights, extension)]),
});

/**
 * `LabUniform1D`: `scipy.ndimage.uniform_filter1d` along the middle axis. Output `[out]`: the mean
 * of the `size` extended values from each position. A backend keeps scipy's float64 running sum
 * (each step adds the entering value minus the leaving one, then divides by `size`); the
 * reference is a float32 conv2d with `size` taps of `1 / size`.
 */
export const uniform1d = kernelContract<LineFilterInputs, Uniform1dAttrs>({
  name: 'LabUniform1D',
  outputs: ['out'],
  reference: ({ x }, { size, ...extension }) => tf.tidy(() => [correlateExtended(x, Array<number>(size).fill(1 / size), extension)]),
});
