import { chain } from './chain.js';
import { checkOptionsOf, DECAY, LEARNING_RATE, NON_NEGATIVE } from './check.js';
import { type ScaleByAdamState, scaleByAdam } from './scale-by-adam.js';
import { type ScaleByLearningRateState, scaleByLearningRate } from './scale-by-learning-rate.js';
import { type Schedule, toSchedule } from './schedule.js';
import type { GradientTransformation } from './types.js';

/** Options of {@link adam}, with Keras's names and defaults. */
export interface AdamOptions {
  /** Step size, a number or a {@link Schedule} of the update count. Default 0.001. */
  learningRate?: number | Schedule;
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the second moment, in [0, 1). Default 0.999. */
  beta2?: number;
  /** Added to sqrt(v_hat), >= 0. Default 1e-7 (Keras); pass 1e-8 for PyTorch's and optax's. */
  epsilon?: number;
}

/** The constraints of {@link AdamOptions}. */
export const ADAM_OPTIONS = { learningRate: LEARNING_RATE, beta1: DECAY, beta2: DECAY, epsilon: NON_NEGATIVE };

/**
 * Adam (Kingma & Ba): `chain(scaleByAdam({ b1: beta1, b2: beta2, eps: epsilon }),
 * scaleByLearningRate(learningRate))`. With `epsilon: 1e-8` it matches `torch.optim.Adam`
 * (checked over 100 steps); see {@link scaleByAdam} for the rule and how Keras's epsilon differs.
 * Follows the {@link GradientTransformation} memory contract; its state is
 * `[{ count, mu, nu }, { count }]`.
 */
export function adam(
  options: AdamOptions = {},
): GradientTransformation<[ScaleByAdamState, ScaleByLearningRateState]> {
  // Checked here too so that errors use the names the caller wrote (beta1, not b1).
  checkOptionsOf('adam', options, ADAM_OPTIONS);
  const { learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 } = options;
  const schedule = toSchedule('adam', 'learningRate', learningRate, { min: 0 });
  // The fusion pass of `chain` runs it as one LabAdamUpdate per variable where the backend has it.
  return chain(scaleByAdam({ b1: beta1, b2: beta2, eps: epsilon }), scaleByLearningRate(schedule));
}
