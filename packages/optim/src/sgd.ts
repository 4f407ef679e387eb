import { chain } from './chain.js';
import { type Schedule, toSchedule } from './schedule.js';
import { type ScaleByLearningRateState, scaleByLearningRate } from './scale-by-learning-rate.js';
import type { GradientTransformation } from './types.js';

/** Options of {@link sgd}. */
export interface SgdOptions {
  /** Step size, a number or a {@link Schedule} of the update count. Default 0.01 (Keras). */
  learningRate?: number | Schedule;
}

/**
 * Plain stochastic gradient descent: update = -learningRate(step) * grad. The same numbers as
 * Keras's `SGD` and PyTorch's `SGD` without momentum. Follows the {@link GradientTransformation}
 * memory contract; its state holds only the update count.
 */
export function sgd(options: SgdOptions = {}): GradientTransformation<[ScaleByLearningRateState]> {
  const { learningRate = 0.01 } = options;
  return chain(scaleByLearningRate(toSchedule('sgd', 'learningRate', learningRate, { min: 0 })));
}
