import * as tf from '@tensorflow/tfjs-core';
import { checkInputs } from './check-inputs.js';
import { checkReduction, type Reduction, reduce } from './reduction.js';

/** Options of {@link meanSquaredError}. */
export interface MeanSquaredErrorOptions {
  /** How per-sample losses are combined. Default `'mean'`. */
  reduction?: Reduction;
}

/**
 * Mean squared error with Keras's semantics: the per-sample loss is `mean((yTrue - yPred)^2)` over
 * the last axis (in squared units of the targets), then `reduction` combines the samples.
 *
 * With the default `'mean'` this equals the mean over every element, which is also PyTorch's
 * `mse_loss`. `'none'` returns the per-sample losses, shaped like the inputs without their last
 * axis (a scalar for rank-1 inputs, which count as one sample).
 *
 * `yTrue` and `yPred` must have the same shape. The inputs are not disposed; the caller owns and
 * disposes the returned tensor.
 */
export function meanSquaredError(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: MeanSquaredErrorOptions = {},
): tf.Tensor {
  const { reduction = 'mean' } = options;
  checkReduction('meanSquaredError', reduction);
  return tf.tidy(() => {
    const [target, output] = checkInputs('meanSquaredError', yTrue, yPred);
    const perSample = tf.mean(tf.squaredDifference(target, output), -1);
    return reduce(perSample, reduction);
  });
}
