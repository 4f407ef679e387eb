import type * as tf from '@tensorflow/tfjs-core';
import type { GradientTransformation } from './types.js';

/**
 * The learning rate the next update of `tx` will use, given its current `state`: the schedule of
 * its `scaleByLearningRate` link evaluated at the number of updates made so far (so the initial
 * rate before the first update). A plain number, read without touching the device, for logging
 * once per epoch. `undefined` when `tx` reports no learning rate (a custom transformation).
 */
export function learningRateOf<S extends tf.TensorContainer>(
  tx: GradientTransformation<S>,
  state: S,
): number | undefined {
  return tx.hyperparams?.(state).learningRate;
}
