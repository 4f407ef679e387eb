import { checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkInputs, resolveAxis } from './check-inputs.js';
import { LOSS_OPTIONS } from './option-constraints.js';
import { checkReduction, reduce } from './reduction.js';
import type { LossOptions } from './types.js';

/** Options of {@link meanSquaredError}. */
export type MeanSquaredErrorOptions = LossOptions;

/**
 * Mean squared error with Keras's semantics: the per-sample loss is `mean((yTrue - yPred)^2)` over
 * `axis` (the last by default; in squared units of the targets), then `reduction` combines the
 * samples, weighted by `sampleWeight` when given.
 *
 * With the default `'mean'` this equals the mean over every element, which is also PyTorch's
 * `mse_loss`. `'none'` returns the per-sample losses, shaped like the inputs without `axis`
 * (a scalar for rank-1 inputs, which count as one sample).
 *
 * `yTrue` and `yPred` must have the same shape. The inputs are not disposed; the caller owns and
 * disposes the returned tensor.
 */
export function meanSquaredError(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: MeanSquaredErrorOptions = {},
): tf.Tensor {
  checkOptions('meanSquaredError', options, LOSS_OPTIONS);
  const { reduction = 'mean', axis = -1, sampleWeight } = options;
  checkReduction('meanSquaredError', reduction);
  return tf.tidy(() => {
    const [target, output] = checkInputs('meanSquaredError', yTrue, yPred);
    const meanAxis = resolveAxis('meanSquaredError', axis, output.rank);
    const perSample = tf.mean(tf.squaredDifference(target, output), meanAxis);
    return reduce('meanSquaredError', perSample, reduction, sampleWeight);
  });
}
