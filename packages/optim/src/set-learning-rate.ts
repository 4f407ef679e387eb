import type * as tf from '@tensorflow/tfjs-core';
import { checkNumber } from './check.js';
import type { GradientTransformation } from './types.js';

/**
 * The state of `tx` with its learning rate set to `learningRate` (>= 0) for every later update,
 * replacing its schedule, as Keras's `optimizer.learning_rate = value` (which `ReduceLROnPlateau`
 * and `LearningRateScheduler` use) and optax's `inject_hyperparams`: the rate is stored in the
 * state (`scaleByLearningRate`'s `learningRate`), so a saved checkpoint restores it and the fused
 * kernels, which take the rate as an attribute, still run. `learningRateOf` then reports it. No
 * device work; the result holds the tensors of `state` itself, so keep it in place of `state`
 * and dispose neither. Throws when `tx` reports no settable learning rate (a custom
 * transformation without a `scaleByLearningRate` link).
 */
export function setLearningRate<S extends tf.TensorContainer>(
  tx: GradientTransformation<S>,
  state: S,
  learningRate: number,
): S {
  checkNumber('setLearningRate', 'learningRate', learningRate, { min: 0 });
  if (tx.setHyperparams === undefined || tx.hyperparams?.(state).learningRate === undefined) {
    throw new Error('setLearningRate: this optimizer has no learning rate to set (no scaleByLearningRate link)');
  }
  return tx.setHyperparams(state, { learningRate });
}
