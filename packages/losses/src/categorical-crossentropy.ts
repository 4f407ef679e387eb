import { checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkInputs, checkSmoothing, resolveAxis } from './check-inputs.js';
import { checkWeightsNotMixed, classWeights } from './class-weight.js';
import { EPSILON } from './epsilon.js';
import { CATEGORICAL_OPTIONS } from './option-constraints.js';
import { checkProbabilities } from './probabilities.js';
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
  /**
   * Without `fromLogits`, read back one small reduction of `yPred` (its minimum, maximum and
   * smallest and largest row sum) to check that it holds probabilities: values in [0, 1], rows
   * summing to 1 within 1e-3. Logits passed as probabilities are an error suggesting
   * `fromLogits: true` instead of a plausible, wrong loss. A synchronous read per call; `false`
   * skips it (e.g. finite differences that step off the simplex). Default `true`.
   */
  checkProbabilities?: boolean;
  /**
   * One weight per class, PyTorch's `weight=`: a rank-1 tensor of length `classes` (any numeric
   * dtype, not disposed) multiplying each class's term, so the per-sample loss is
   * `-sum_c w_c y_c log p_c` (with smoothed targets when `labelSmoothing` is set). For this
   * (probability-target) loss `'mean'` still divides by the number of samples, as PyTorch's
   * `cross_entropy` does with probability targets; {@link sparseCategoricalCrossentropy} divides by
   * the summed weights of the labels instead (PyTorch's weighted mean for class indices). Not with
   * `sampleWeight` (an error: fold the class weights into it). Default none (every weight 1).
   */
  classWeight?: tf.Tensor;
}

/**
 * Categorical cross-entropy, `-sum(yTrue * log(p))` over the class axis, in nats, with Keras's
 * semantics and numbers.
 *
 * From probabilities (the default), `yPred` must hold probabilities: values in [0, 1] whose rows
 * along the class axis sum to 1 within 1e-3, checked by one small read (see `checkProbabilities`
 * in {@link CategoricalCrossentropyOptions}), else an error suggesting `fromLogits: true`. It is
 * then rescaled to sum to 1 exactly and clipped to [1e-7, 1 - 1e-7], as Keras does, so a zero
 * probability for the true class costs -ln(1e-7) ≈ 16.118 instead of infinity. With `fromLogits: true`, p is the softmax of `yPred`,
 * computed as the stable log-softmax `x - max - log(sum(exp(x - max)))`: finite for any finite
 * logits and equal to PyTorch's `cross_entropy` on (soft or one-hot) probability targets,
 * `label_smoothing` included.
 *
 * `yTrue` (one-hot or soft labels, any numeric dtype) and `yPred` must have the same shape.
 * Returns a scalar, or per-sample losses (the input shape without `axis`) for `reduction: 'none'`,
 * weighted by `sampleWeight` when given. Unknown options are errors with a "did you mean" hint.
 * The inputs are not disposed; the caller owns and disposes the returned tensor; nothing leaks
 * when it throws.
 */
export function categoricalCrossentropy(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: CategoricalCrossentropyOptions = {},
): tf.Tensor {
  const name = 'categoricalCrossentropy';
  checkOptions(name, options, CATEGORICAL_OPTIONS);
  checkReduction(name, options.reduction ?? 'mean');
  checkSmoothing(name, options.labelSmoothing ?? 0);
  checkWeightsNotMixed(name, options);
  return tf.tidy(() => {
    const [target, output] = checkInputs(name, yTrue, yPred);
    const perSample = perSampleCrossentropy(name, target, output, options);
    return reduce(name, perSample, options.reduction ?? 'mean', options.sampleWeight);
  });
}

/**
 * The shared body of the categorical and sparse losses, on checked float32 inputs of equal shape:
 * the per-sample losses, class-weighted when `classWeight` is given, before `sampleWeight` and the
 * reduction. From probabilities it checks them first (unless `checkProbabilities: false`). Call
 * inside `tf.tidy`.
 */
export function perSampleCrossentropy(
  lossName: string,
  target: tf.Tensor,
  output: tf.Tensor,
  options: CategoricalCrossentropyOptions,
): tf.Tensor {
  const { fromLogits = false, axis = -1, labelSmoothing = 0, classWeight } = options;
  const classAxis = resolveAxis(lossName, axis, output.rank);
  if (!fromLogits && (options.checkProbabilities ?? true)) checkProbabilities(lossName, output, classAxis);
  const classes = output.shape[classAxis] ?? 1;
  const smoothed =
    labelSmoothing === 0 ? target : tf.add(tf.mul(target, 1 - labelSmoothing), labelSmoothing / classes);
  const logP = fromLogits ? logSoftmax(output, classAxis) : clippedLog(output, classAxis);
  const weighted =
    classWeight === undefined ? smoothed : tf.mul(smoothed, classWeights(lossName, classWeight, classes, classAxis, output.rank));
  return tf.neg(tf.sum(tf.mul(weighted, logP), classAxis));
}

function logSoftmax(logits: tf.Tensor, axis: number): tf.Tensor {
  // Subtracting the max keeps exp() from overflowing; tf.logSoftmax would do this too but only
  // along the last axis.
  const shifted = tf.sub(logits, tf.max(logits, axis, true));
  return tf.sub(shifted, tf.log(tf.sum(tf.exp(shifted), axis, true)));
}

function clippedLog(probabilities: tf.Tensor, axis: number): tf.Tensor {
  // Rows are within ROW_SUM_TOLERANCE of 1 (when checked); Keras's rescaling removes the rest.
  const normalised = tf.div(probabilities, tf.sum(probabilities, axis, true));
  return tf.log(tf.clipByValue(normalised, EPSILON, 1 - EPSILON));
}
