import { chain } from './chain.js';
import { boolean } from '@lab/core';
import { checkOptionsOf, DECAY, LEARNING_RATE, NON_NEGATIVE } from './check.js';
import { type Schedule, toSchedule } from './schedule.js';
import { scaleByLearningRate } from './scale-by-learning-rate.js';
import { scaleByRms } from './scale-by-rms.js';
import { trace } from './trace.js';
import type { GradientTransformation } from './types.js';

/** Options of {@link rmsprop}, with Keras's defaults; PyTorch's are noted. */
export interface RmspropOptions {
  /** Step size, a number or a {@link Schedule}. Default 0.001 (Keras); PyTorch 0.01. */
  learningRate?: number | Schedule;
  /** Decay of the mean of squared gradients, in [0, 1) (Keras's `rho`). Default 0.9; PyTorch's `alpha` 0.99. */
  decay?: number;
  /** Added for stability, >= 0. Default 1e-7 (Keras); PyTorch 1e-8. */
  epsilon?: number;
  /** Add `epsilon` inside the square root (Keras) or to it (PyTorch: `false`). Default `true`. */
  epsilonInsideSqrt?: boolean;
  /** Momentum on the rescaled gradients, in [0, 1). Default 0. */
  momentum?: number;
  /** Normalise by the variance instead of the second moment. Default `false`. */
  centered?: boolean;
}

/**
 * RMSProp: `chain(scaleByRms(...), trace({ decay: momentum }) when momentum > 0,
 * scaleByLearningRate(learningRate))`. The defaults are Keras's; with `{ learningRate: 0.01,
 * decay: 0.99, epsilon: 1e-8, epsilonInsideSqrt: false }` (and any `momentum`, `centered`) it is
 * `torch.optim.RMSprop` (checked over 100 steps). Follows the {@link GradientTransformation}
 * memory contract.
 */
export function rmsprop(options: RmspropOptions = {}): GradientTransformation {
  checkOptionsOf('rmsprop', options, {
    learningRate: LEARNING_RATE,
    decay: DECAY,
    epsilon: NON_NEGATIVE,
    epsilonInsideSqrt: boolean(),
    momentum: DECAY,
    centered: boolean(),
  });
  const { learningRate = 0.001, decay = 0.9, epsilon = 1e-7, epsilonInsideSqrt = true } = options;
  const { momentum = 0, centered = false } = options;
  const schedule = toSchedule('rmsprop', 'learningRate', learningRate, { min: 0 });
  const rms = scaleByRms({ decay, eps: epsilon, epsInSqrt: epsilonInsideSqrt, centered });
  // Without momentum, the fusion pass of `chain` runs it as one LabRmspropUpdate per variable
  // where the backend has it.
  if (momentum === 0) return chain(rms, scaleByLearningRate(schedule));
  return chain(rms, trace({ decay: momentum }), scaleByLearningRate(schedule));
}
