import { addDecayedWeights } from './add-decayed-weights.js';
import { ADAM_OPTIONS, type AdamOptions } from './adam.js';
import { chain } from './chain.js';
import { checkOptionsOf, NON_NEGATIVE } from './check.js';
import { toSchedule } from './schedule.js';
import { type ScaleByAdamState, scaleByAdam } from './scale-by-adam.js';
import { type ScaleByLearningRateState, scaleByLearningRate } from './scale-by-learning-rate.js';
import type { EmptyState, GradientTransformation } from './types.js';

/** Options of {@link adamw}: Adam's and the weight decay, with Keras's defaults. */
export interface AdamwOptions extends AdamOptions {
  /** Decoupled weight decay, >= 0. Default 0.004 (Keras); PyTorch's is 0.01, optax's 1e-4. */
  weightDecay?: number;
}

/**
 * AdamW (Loshchilov & Hutter): `chain(scaleByAdam(...), addDecayedWeights({ weightDecay }),
 * scaleByLearningRate(learningRate))`, so `p -= lr * (adam direction + weightDecay * p)` with the
 * decay decoupled from the moments. With `epsilon: 1e-8` and `weightDecay: 0.01` it is
 * `torch.optim.AdamW` (checked over 100 steps). `update` needs `params`. Follows the
 * {@link GradientTransformation} memory contract.
 */
export function adamw(
  options: AdamwOptions = {},
): GradientTransformation<[ScaleByAdamState, EmptyState, ScaleByLearningRateState]> {
  checkOptionsOf('adamw', options, { ...ADAM_OPTIONS, weightDecay: NON_NEGATIVE });
  const { learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7, weightDecay = 0.004 } = options;
  const schedule = toSchedule('adamw', 'learningRate', learningRate, { min: 0 });
  // The fusion pass of `chain` runs it as one LabAdamUpdate (with the decay) per variable where the backend has it.
  return chain(scaleByAdam({ b1: beta1, b2: beta2, eps: epsilon }), addDecayedWeights({ weightDecay }), scaleByLearningRate(schedule));
}
