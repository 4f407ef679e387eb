import { chain } from './chain.js';
import { boolean } from '@lab/core';
import { checkOptionsOf, DECAY, LEARNING_RATE } from './check.js';
import { type Schedule, toSchedule } from './schedule.js';
import { scaleByLearningRate } from './scale-by-learning-rate.js';
import { trace } from './trace.js';
import type { GradientTransformation } from './types.js';

/** Options of {@link sgd}, with Keras's names and defaults. */
export interface SgdOptions {
  /** Step size, a number or a {@link Schedule} of the update count. Default 0.01 (Keras). */
  learningRate?: number | Schedule;
  /** Momentum, in [0, 1). Default 0: plain gradient descent. */
  momentum?: number;
  /** Nesterov momentum (needs `momentum > 0`). Default `false`. */
  nesterov?: boolean;
}

/**
 * Stochastic gradient descent: `chain(scaleByLearningRate(learningRate))`, or with momentum
 * `chain(trace({ decay: momentum, nesterov }), scaleByLearningRate(learningRate))`. The update is
 * `-learningRate(step) * grad`, with momentum `-learningRate * trace` where `trace = grad +
 * momentum * trace` (Nesterov: `-learningRate * (grad + momentum * trace)`). Equals
 * `torch.optim.SGD` (dampening 0; checked over 100 steps) and Keras's `SGD` for a constant rate.
 * Follows the {@link GradientTransformation} memory contract.
 */
export function sgd(options: SgdOptions = {}): GradientTransformation {
  checkOptionsOf('sgd', options, { learningRate: LEARNING_RATE, momentum: DECAY, nesterov: boolean() });
  const { learningRate = 0.01, momentum = 0, nesterov = false } = options;
  const schedule = toSchedule('sgd', 'learningRate', learningRate, { min: 0 });
  if (nesterov && momentum === 0) {
    throw new Error('sgd: nesterov needs momentum > 0; got momentum 0');
  }
  // The fusion pass of `chain` runs these as one LabSgdUpdate or LabMomentumUpdate per variable
  // where the backend has it.
  if (momentum === 0) return chain(scaleByLearningRate(schedule));
  return chain(trace({ decay: momentum, nesterov }), scaleByLearningRate(schedule));
}
