import { any, type Constraint, type Constraints, checkOptions, checkValue, number, type Range } from '@lab/core';

/**
 * Throws unless `value` is a finite number in the given range, with a message naming the option,
 * its owner and the allowed range (@lab/core's option constraints). Options come from configs and
 * the command line as well as from typed code, so they are checked at run time.
 */
export function checkNumber(owner: string, option: string, value: unknown, range: Range = {}): asserts value is number {
  checkValue(owner, option, value, number(range));
}

/**
 * @lab/core's `checkOptions` (unknown options are errors with a "did you mean" hint, values meet
 * their constraints), then each of `required` must be given: a missing one is an error saying
 * what it must be, e.g. `cosineDecay: decaySteps must be a finite number with 0 < decaySteps; got undefined`.
 */
export function checkOptionsOf(owner: string, options: unknown, constraints: Constraints, required: readonly string[] = []): void {
  checkOptions(owner, options, constraints);
  const given = (options ?? {}) as Record<string, unknown>;
  for (const name of required) {
    if (given[name] === undefined) checkValue(owner, name, undefined, constraints[name]!);
  }
}

/** A decay or momentum: in [0, 1). */
export const DECAY: Constraint = number({ min: 0, max: 1, maxExclusive: true });
/** An epsilon, a weight decay or an initial accumulator: >= 0. */
export const NON_NEGATIVE: Constraint = number({ min: 0 });
/** A step count or a rate that must be > 0. */
export const POSITIVE: Constraint = number({ min: 0, minExclusive: true });
/** A number or a schedule: checked by `toSchedule`, whose message names the owner's range. */
export const LEARNING_RATE: Constraint = any();
