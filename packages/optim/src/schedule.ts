import { checkNumber } from './check.js';

/**
 * A schedule maps a step to a value, in plain JavaScript (optax's `step -> value`). `step` is the
 * number of updates done so far: 0 for the first update, 1 for the second, and so on.
 */
export type Schedule = (step: number) => number;

/** A schedule that always returns `value`: optax's `constant_schedule`. */
export function constant(value: number): Schedule {
  checkNumber('constant', 'value', value);
  return () => value;
}

/**
 * A schedule from a number (a constant, checked against `range`) or a schedule (as is). Used for
 * options such as `learningRate` that take either; `owner` and `option` name them in errors.
 */
export function toSchedule(
  owner: string,
  option: string,
  value: number | Schedule,
  range: Parameters<typeof checkNumber>[3] = {},
): Schedule {
  if (typeof value === 'function') {
    return value;
  }
  checkNumber(owner, option, value, range);
  return () => value;
}
