import { number } from '@lab/core';
import { checkOptionsOf, POSITIVE } from './check.js';
import type { Schedule } from './schedule.js';

/** Options of {@link linearWarmup}. */
export interface LinearWarmupOptions {
  /** The value at step 0. Default 0. */
  initialValue?: number;
  /** The value reached at `warmupSteps` and held after. */
  peakValue: number;
  /** Steps of the ramp; > 0. */
  warmupSteps: number;
}

/**
 * A linear ramp from `initialValue` to `peakValue` over `warmupSteps`, then `peakValue` (optax's
 * `linear_schedule` from step 0): `initialValue + (peakValue - initialValue) *
 * min(step, warmupSteps) / warmupSteps`. Use {@link join} to follow it with a decay.
 */
export function linearWarmup(options: LinearWarmupOptions): Schedule {
  checkOptionsOf('linearWarmup', options, { initialValue: number(), peakValue: number(), warmupSteps: POSITIVE }, ['peakValue', 'warmupSteps']);
  const { initialValue = 0, peakValue, warmupSteps } = options;
  return (step) => initialValue + ((peakValue - initialValue) * Math.min(Math.max(step, 0), warmupSteps)) / warmupSteps;
}
