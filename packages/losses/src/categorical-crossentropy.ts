import * as tf from '@tensorflow/tfjs-core';
import { checkInputs, checkSmoothing, resolveAxis } from './check-inputs.js';
import { EPSILON } from './epsilon.js';
import { checkReduction, reduce } from './reduction.js';
import type { LossOptions } from './types.js';

/** Options of {@link categoricalCrossentropy}. */
export interface CategoricalCrossentropyOptions extends LossOptions {
  /** `yPred` holds unnormalised logits instead of probabilities. Default `false`. */
  fromLogits?: boolean;
  /**
   * Mixes targets with the uniform distribution: `y (1 - s) + s / classes`, in [0, 1], as Keras
   * and PyTorch's `label_smoothing` do. Default 0.
   */
  labelSmoothing?: number;
}

/**
 * Categorical cross-entropy, `-sum(yTrue * log(p))` over the class axis, in nats, with Keras's
 * semantics and numbers.
 *
 * From probabilities (the default), `yPred` is first rescaled to sum to 1 along the class axis and
 * then clipped to [1e-7, 1 - 1e-7], as Keras does, so a zero probability for the true class costs
 * -ln(1e-7) ≈ 16.118 instead of infinity. With `fromLogits: true`, p is the softmax of `yPred`,
 * computed as the stable log-softmax `x - max - log(sum(exp(x - max)))`: finite for any finite
 * logits and equal to PyTorch's `cross_entropy` on (soft or one-hot) probability targets,
 * `label_smoothing` included.
 *
 * `yTrue` (one-hot or soft labels, any numeric dtype) and `yPred` must have the same shape.
 * Returns a scalar, or per-sample losses (the input shape without `axis`) for `reduction: 'none'`,
 * weighted by `sampleWeight` when given. The inputs are not disposed; the caller owns and disposes
 * the returned tensor.
 */
export function categoricalCrossentropy(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: CategoricalCrossentropyOptions = {},
): tf.Tensor {
  checkReduction('categoricalCrossentropy', options.reduction ?? 'mean');
  checkSmoothing('categoricalCrossentropy', options.labelSmoothing ?? 0);
  return tf.tidy(() => {
    const [target, output] = checkInputs('categoricalCrossentropy', yTrue, yPred);
    return crossentropy('categoricalCrossentropy', target, output, options);
  });
}

/**
 * The shared body of the categorical and sparse losses, on checked float32 inputs of equal shape.
 * Call inside `tf.tidy`.
 */
export function crossentropy(
  lossName: string,
  target: tf.Tensor,
  output: tf.Tensor,
  options: CategoricalCrossentropyOptions,
): tf.Tensor {
  const { fromLogits = false, reduction = 'mean', axis = -1, labelSmoothing = 0, sampleWeight } = options;
  const classAxis = resolveAxis(lossName, axis, output.rank);
  const classes = output.shape[classAxis] ?? 1;
  const smoothed =
    labelSmoothing === 0 ? target : tf.add(tf.mul(target, 1 - labelSmoothing), labelSmoothing / classes);
  const logP = fromLogits ? logSoftmax(output, classAxis) : clippedLog(output, classAxis);
  const perSample = tf.neg(tf.sum(tf.mul(smoothed, logP), classAxis));
  return reduce(lossName, perSample, reduction, sampleWeight);
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
