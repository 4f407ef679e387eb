import { boolean } from '@lab/core';
import { checkOptionsOf } from './check.js';
import { scaleParams } from './params.js';
import { type Schedule, toSchedule } from './schedule.js';
import type { GradientTransformation } from './types.js';

/** State of {@link scaleByLearningRate}: how many updates it has made. */
export type ScaleByLearningRateState = { count: number };

/** Options of {@link scaleByLearningRate}. */
export interface ScaleByLearningRateOptions {
  /** Multiply by `-learningRate` (descent, the default `true`) rather than `+learningRate`. */
  flipSign?: boolean;
}

/**
 * Multiplies updates by `-learningRate(step)`: optax's `scale_by_learning_rate`, the last link of
 * every optimizer chain. `learningRate` is a number or a {@link Schedule}, which gets the count of
 * updates made so far (0 for the first update); a schedule returning a non-finite value is an
 * error naming the step. `hyperparams(state)` reports `{ learningRate }` for the next update
 * (see `learningRateOf`). Follows the {@link GradientTransformation} memory contract.
 */
export function scaleByLearningRate(
  learningRate: number | Schedule,
  options: ScaleByLearningRateOptions = {},
): GradientTransformation<ScaleByLearningRateState> {
  checkOptionsOf('scaleByLearningRate', options, { flipSign: boolean() });
  const schedule = toSchedule('scaleByLearningRate', 'learningRate', learningRate);
  const sign = (options.flipSign ?? true) ? -1 : 1;
  return {
    fusable: { kind: 'scaleByLearningRate', schedule, descent: sign === -1 },
    init: () => ({ count: 0 }),
    update(grads, state) {
      const rate = rateAt(schedule, state.count);
      return { updates: scaleParams(grads, sign * rate), state: { count: state.count + 1 } };
    },
    hyperparams: (state) => ({ learningRate: schedule(state.count) }),
  };
}

/** The schedule's rate for update `count`; throws, naming the step, when it is not finite. */
export function rateAt(schedule: Schedule, count: number): number {
  const rate = schedule(count);
  if (!Number.isFinite(rate)) {
    throw new Error(`scaleByLearningRate: the learning-rate schedule returned ${rate} at step ${count}`);
  }
  return rate;
}
