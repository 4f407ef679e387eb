import { chain } from './chain.js';
import { boolean } from '@lab/core';
import { checkOptionsOf, LEARNING_RATE, NON_NEGATIVE } from './check.js';
import { type Schedule, toSchedule } from './schedule.js';
import { scaleByLearningRate } from './scale-by-learning-rate.js';
import { scaleByRss } from './scale-by-rss.js';
import type { GradientTransformation } from './types.js';

/** Options of {@link adagrad}, with Keras's defaults; PyTorch's are noted. */
export interface AdagradOptions {
  /** Step size, a number or a {@link Schedule}. Default 0.001 (Keras); PyTorch 0.01. */
  learningRate?: number | Schedule;
  /** The initial sum of squared gradients, >= 0. Default 0.1 (Keras); PyTorch 0. */
  initialAccumulatorValue?: number;
  /** Added for stability, >= 0. Default 1e-7 (Keras); PyTorch 1e-10. */
  epsilon?: number;
  /** Add `epsilon` inside the square root (Keras) or to it (PyTorch: `false`). Default `true`. */
  epsilonInsideSqrt?: boolean;
}

/**
 * Adagrad: `chain(scaleByRss(...), scaleByLearningRate(learningRate))`, the update
 * `-lr * g / sqrt(sum of g^2 so far + epsilon)`. The defaults are Keras's; with
 * `{ learningRate: 0.01, initialAccumulatorValue: 0, epsilon: 1e-10, epsilonInsideSqrt: false }`
 * it is `torch.optim.Adagrad` (checked over 100 steps; its `lr_decay` is the schedule
 * `(step) => lr / (1 + step * lrDecay)`). Follows the {@link GradientTransformation} memory
 * contract.
 */
export function adagrad(options: AdagradOptions = {}): GradientTransformation {
  checkOptionsOf('adagrad', options, { learningRate: LEARNING_RATE, initialAccumulatorValue: NON_NEGATIVE, epsilon: NON_NEGATIVE, epsilonInsideSqrt: boolean() });
  const { learningRate = 0.001, initialAccumulatorValue = 0.1, epsilon = 1e-7 } = options;
  const { epsilonInsideSqrt = true } = options;
  const schedule = toSchedule('adagrad', 'learningRate', learningRate, { min: 0 });
  return chain(
    scaleByRss({ initialAccumulatorValue, eps: epsilon, epsInSqrt: epsilonInsideSqrt }),
    scaleByLearningRate(schedule),
  );
}
