import { any, type Constraints } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { formatShape, inputShape } from './label-input.js';

/**
 * Per-sample weights, as scikit-learn's `sample_weight`: a 1-D tensor or JS array with one finite
 * number per sample. A sample of weight 0 counts for nothing; negative weights are allowed, as
 * scikit-learn 1.2 allows them. Never disposed by lab.
 */
export type SampleWeight = tf.Tensor | ArrayLike<number>;

/** The `sampleWeight` constraint; {@link readSampleWeight} checks the value. */
export const SAMPLE_WEIGHT_OPTION = { sampleWeight: any() } satisfies Constraints;

/** Checks a `sampleWeight` option without a read: 1-D with `samples` entries, and finite values when a JS array. */
export function checkSampleWeightShape(weight: SampleWeight | undefined, samples: number, fn: string): void {
  if (weight === undefined) return;
  const isTensor = weight instanceof tf.Tensor;
  if (!isTensor && (typeof weight !== 'object' || weight === null || typeof weight.length !== 'number')) {
    throw new Error(`${fn}: sampleWeight must be a 1-D tensor or an array of numbers; got ${String(weight)}`);
  }
  const shape = isTensor ? weight.shape : inputShape(weight as ArrayLike<number>);
  if (shape.length !== 1 || shape[0] !== samples) {
    throw new Error(`${fn}: sampleWeight must have one weight per sample, shape [${samples}]; got shape ${formatShape(shape)}`);
  }
  if (!isTensor && typeof (weight as ArrayLike<number>)[0] === 'object') {
    throw new Error(`${fn}: sampleWeight must be 1-D; got an array of rows`);
  }
  // A JS array costs no read: its values are checked too (a tensor's only where it is read).
  if (!isTensor) checkFiniteWeights(weight as ArrayLike<number>, fn);
}

/**
 * Reads `sampleWeight` back into float64 (one synchronous read for a tensor), checking its shape
 * and that every weight is finite (NaN is an error naming the index), or `undefined` when absent.
 */
export function readSampleWeight(weight: SampleWeight | undefined, samples: number, fn: string): Float64Array | undefined {
  if (weight === undefined) return undefined;
  checkSampleWeightShape(weight, samples, fn);
  const data = Float64Array.from((weight instanceof tf.Tensor ? weight.dataSync() : weight) as ArrayLike<number>);
  checkFiniteWeights(data, fn);
  return data;
}

/** Throws, naming the first one, when a weight is NaN or infinite. */
export function checkFiniteWeights(data: ArrayLike<number>, fn: string): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) throw new Error(`${fn}: sampleWeight[${i}] is ${data[i]}; weights must be finite`);
  }
}

/** A weight tensor for the device (float32, `[N]`), from a checked `sampleWeight`; the caller disposes it. */
export function weightTensor(weight: SampleWeight): tf.Tensor1D {
  return tf.tidy(() => tf.cast(weight instanceof tf.Tensor ? tf.reshape(weight, [-1]) : tf.tensor1d(Array.from(weight)), 'float32') as tf.Tensor1D);
}
