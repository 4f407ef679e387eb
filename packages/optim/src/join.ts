import { checkNumber } from './check.js';
import type { Schedule } from './schedule.js';

/**
 * Chains schedules in time (optax's `join_schedules`): `schedules[0]` before `boundaries[0]`, then
 * `schedules[i]` from `boundaries[i - 1]` on, each called with the steps since its own start
 * (`step - boundaries[i - 1]`). Warm-up then cosine decay:
 * `join([linearWarmup({ peakValue: 0.1, warmupSteps: 100 }), cosineDecay({ initialValue: 0.1,
 * decaySteps: 900 })], [100])`. Needs one boundary fewer than schedules, strictly increasing.
 */
export function join(schedules: readonly Schedule[], boundaries: readonly number[]): Schedule {
  if (schedules.length === 0 || boundaries.length !== schedules.length - 1) {
    throw new Error(
      `join: needs one boundary fewer than schedules; got ${schedules.length} schedules and ` +
        `${boundaries.length} boundaries`,
    );
  }
  boundaries.forEach((b, i) => {
    const previous = i === 0 ? 0 : (boundaries[i - 1] ?? 0);
    checkNumber('join', `boundaries[${i}]`, b, { min: previous, minExclusive: i > 0 });
  });
  return (step) => {
    let index = 0;
    while (index < boundaries.length && step >= (boundaries[index] ?? Infinity)) {
      index++;
    }
    const start = index === 0 ? 0 : (boundaries[index - 1] ?? 0);
    return (schedules[index] as Schedule)(step - start);
  };
}
