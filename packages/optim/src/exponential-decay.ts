import { boolean, number } from '@lab/core';
import { checkOptionsOf, NON_NEGATIVE, POSITIVE } from './check.js';
import type { Schedule } from './schedule.js';

/** Options of {@link exponentialDecay}, optax's `exponential_decay` arguments in camelCase. */
export interface ExponentialDecayOptions {
  /** The value until `transitionBegin`. */
  initialValue: number;
  /** Steps over which the value is multiplied by `decayRate` once; > 0. */
  transitionSteps: number;
  /** Factor per `transitionSteps`; > 0 (< 1 decays, > 1 grows). */
  decayRate: number;
  /** Decay in whole periods (a step function) instead of continuously. Default `false`. */
  staircase?: boolean;
  /** Steps to hold `initialValue` before decaying; >= 0. Default 0. */
  transitionBegin?: number;
  /** A floor when decaying (`decayRate < 1`), a ceiling when growing. Default none. */
  endValue?: number;
}

/**
 * optax's `exponential_decay`:
 *
 * `value(step) = initialValue * decayRate ^ ((step - transitionBegin) / transitionSteps)` once
 * `step > transitionBegin`, and `initialValue` before; with `staircase` the exponent is floored.
 * With `endValue` the result is clipped by `max(value, endValue)` when `decayRate < 1` and by
 * `min(value, endValue)` otherwise; like optax, the clip applies at every step.
 *
 * Keras's `ExponentialDecay(initial, decaySteps, decayRate, staircase)` is this schedule with
 * `transitionSteps = decaySteps`. Where optax warns and falls back to a constant schedule
 * (`transitionSteps <= 0`, `decayRate == 0`, `transitionBegin < 0`), this throws instead.
 */
export function exponentialDecay(options: ExponentialDecayOptions): Schedule {
  const constraints = {
    initialValue: number(),
    transitionSteps: POSITIVE,
    decayRate: POSITIVE,
    staircase: boolean(),
    transitionBegin: NON_NEGATIVE,
    endValue: number(),
  };
  checkOptionsOf('exponentialDecay', options, constraints, ['initialValue', 'transitionSteps', 'decayRate']);
  const { initialValue, transitionSteps, decayRate, endValue } = options;
  const { staircase = false, transitionBegin = 0 } = options;
  // A floor when decaying, a ceiling when growing, as optax picks between max and min.
  const bound = decayRate < 1 ? Math.max : Math.min;
  const clip = (v: number): number => (endValue === undefined ? v : bound(v, endValue));
  return (step) => {
    const decreased = step - transitionBegin;
    const exponent = staircase ? Math.floor(decreased / transitionSteps) : decreased / transitionSteps;
    return clip(decreased <= 0 ? initialValue : initialValue * decayRate ** exponent);
  };
}
