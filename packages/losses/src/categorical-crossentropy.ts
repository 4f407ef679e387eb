import * as tf from '@tensorflow/tfjs-core';
import { checkInputs, resolveAxis } from './check-inputs.js';
import { checkReduction, type Reduction, reduce } from './reduction.js';

/** Options of {@link categoricalCrossentropy}. */
export interface CategoricalCrossentropyOptions {
  /** `yPred` holds unnormalised logits instead of probabilities. Default `false`. */
  fromLogits?: boolean;
  /** How per-sample losses are combined. Default `'mean'`. */
  reduction?: Reduction;
  /** The class axis; negative counts from the end. Default `-1`. */
  axis?: number;
}

/** Keras's `backend.epsilon()`: probabilities are clipped to [EPSILON, 1 - EPSILON]. */
export const EPSILON = 1e-7;

/**
 * Categorical cross-entropy, `-sum(yTrue * log(p))` over the class axis, in nats, with Keras's
 * semantics and numbers.
 *
 * From probabilities (the default), `yPred` is first rescaled to sum to 1 along the class axis and
 * then clipped to [1e-7, 1 - 1e-7], as Keras does, so a zero probability for the true class costs
 * -ln(1e-7) ≈ 16.118 instead of infinity. With `fromLogits: true`, p is the softmax of `yPred`,
 * computed as the stable log-softmax `x - max - log(sum(exp(x - max)))`: finite for any finite
 * logits and equal to PyTorch's `cross_entropy` on (soft or one-hot) probability targets.
 *
 * `yTrue` (one-hot or soft labels, any numeric dtype) and `yPred` must have the same shape.
 * Returns a scalar, or per-sample losses (the input shape without `axis`) for `reduction: 'none'`.
 * The inputs are not disposed; the caller owns and disposes the returned tensor.
 */
export function categoricalCrossentropy(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: CategoricalCrossentropyOptions = {},
): tf.Tensor {
  const { fromLogits = false, reduction = 'mean', axis = -1 } = options;
  checkReduction('categoricalCrossentropy', reduction);
  return tf.tidy(() => {
    const [target, output] = checkInputs('categoricalCrossentropy', yTrue, yPred);
    const classAxis = resolveAxis('categoricalCrossentropy', axis, output.rank);
    const logP = fromLogits ? logSoftmax(output, classAxis) : clippedLog(output, classAxis);
    const perSample = tf.neg(tf.sum(tf.mul(target, logP), classAxis));
    return reduce(perSample, reduction);
  });
}

function logSoftmax(logits: tf.Tensor, axis: number): tf.Tensor {
  // Subtracting the max keeps exp() from overflowing; tf.logSoftmax would do this too but only
  // along the last axis.
  const shifted = tf.sub(logits, tf.max(logits, axis, true));
  return tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), axis, true)));
}

function clippedLog(probabilities: tf.Tensor, axis: number): tf.Tensor {
  const normalised = tf.div(probabilities, tf.sum(probabilities, axis, true));
  return tf.log(tf.clipByValue(normalised, EPSILON, 1 - EPSILON));
}
