import { checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkInputs, resolveAxis } from './check-inputs.js';
import { LOSS_OPTIONS } from './option-constraints.js';
import { checkReduction, reduce } from './reduction.js';
import type { LossOptions } from './types.js';

/** Options of {@link meanAbsoluteError}. */
export type MeanAbsoluteErrorOptions = LossOptions;

/**
 * Mean absolute error (Keras's `MeanAbsoluteError`, PyTorch's `l1_loss`): the per-sample loss is
 * `mean(|yTrue - yPred|)` over `axis` (the last by default), in the units of the targets; then
 * `reduction`, weighted by `sampleWeight`. Its gradient at an exact match is 0
 * (PyTorch's sign(0), where tfjs's `abs` would give -1).
 *
 * `yTrue` and `yPred` must have the same shape. The inputs are not disposed; the caller owns and
 * disposes the returned tensor.
 */
export function meanAbsoluteError(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: MeanAbsoluteErrorOptions = {},
): tf.Tensor {
  checkOptions('meanAbsoluteError', options, LOSS_OPTIONS);
  const { reduction = 'mean', axis = -1, sampleWeight } = options;
  checkReduction('meanAbsoluteError', reduction);
  return tf.tidy(() => {
    const [target, output] = checkInputs('meanAbsoluteError', yTrue, yPred);
    const meanAxis = resolveAxis('meanAbsoluteError', axis, output.rank);
    // |d| as d sign(d): tfjs's own abs has the gradient -1 at 0, PyTorch's and this one 0.
    const difference = tf.sub(output, target);
    const perSample = tf.mean(tf.mul(difference, tf.sign(difference)), meanAxis);
    return reduce('meanAbsoluteError', perSample, reduction, sampleWeight);
  });
}
