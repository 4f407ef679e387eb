import { boolean } from '@lab/core';
import { checkNumber, checkOptionsOf } from './check.js';
import { scaleParams } from './params.js';
import { type Schedule, toSchedule } from './schedule.js';
import type { GradientTransformation } from './types.js';

/**
 * State of {@link scaleByLearningRate}: how many updates it has made and, once set (by
 * `setLearningRate`, e.g. from Keras-style callbacks), the learning rate that replaces the
 * schedule from then on, as optax's `inject_hyperparams` keeps hyperparameters in the state: a
 * checkpoint of the state keeps the rate.
 */
export type ScaleByLearningRateState = { count: number; learningRate?: number };

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
 * (see `learningRateOf`); `setHyperparams(state, { learningRate })` (see `setLearningRate`)
 * returns a state whose rate replaces the schedule's from then on, in the fused path too. Follows the {@link GradientTransformation} memory contract.
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
      const rate = rateOf(schedule, state);
      return { updates: scaleParams(grads, sign * rate), state: advance(state) };
    },
    hyperparams: (state) => ({ learningRate: state.learningRate ?? schedule(state.count) }),
    setHyperparams(state, values) {
      const rate = values.learningRate;
      if (rate === undefined) return state;
      checkNumber('setLearningRate', 'learningRate', rate, { min: 0 });
      return { count: state.count, learningRate: rate };
    },
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

/** The rate of the next update: the one set in the state, else the schedule's (checked by {@link rateAt}). */
export function rateOf(schedule: Schedule, state: ScaleByLearningRateState): number {
  return state.learningRate ?? rateAt(schedule, state.count);
}

/** The state after one more update; a rate set in the state stays. */
export function advance(state: ScaleByLearningRateState): ScaleByLearningRateState {
  return state.learningRate === undefined ? { count: state.count + 1 } : { count: state.count + 1, learningRate: state.learningRate };
}
