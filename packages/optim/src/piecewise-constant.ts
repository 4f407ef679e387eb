import { array, number } from '@lab/core';
import { checkNumber, checkOptionsOf } from './check.js';
import type { Schedule } from './schedule.js';

/** Options of {@link piecewiseConstant}, Keras's `PiecewiseConstantDecay` arguments. */
export interface PiecewiseConstantOptions {
  /** Increasing steps where the value changes. */
  boundaries: readonly number[];
  /** One more value than boundaries: `values[i]` holds up to and including `boundaries[i]`. */
  values: readonly number[];
}

/**
 * A step function, Keras's `PiecewiseConstantDecay`: `values[0]` while `step <= boundaries[0]`,
 * `values[i]` while `boundaries[i - 1] < step <= boundaries[i]`, and the last value after the last
 * boundary. Boundaries that are not strictly increasing, or a count of values other than
 * boundaries + 1, are errors.
 */
export function piecewiseConstant(options: PiecewiseConstantOptions): Schedule {
  checkOptionsOf('piecewiseConstant', options, { boundaries: array(number()), values: array(number()) }, ['boundaries', 'values']);
  const { boundaries, values } = options;
  if (values.length !== boundaries.length + 1) {
    throw new Error(
      `piecewiseConstant: values needs exactly one more entry than boundaries; got ${values.length} values ` +
        `for ${boundaries.length} boundaries`,
    );
  }
  boundaries.forEach((b, i) => {
    checkNumber('piecewiseConstant', `boundaries[${i}]`, b, { min: i === 0 ? -Infinity : (boundaries[i - 1] ?? 0), minExclusive: i > 0 });
  });
  return (step) => {
    const index = boundaries.findIndex((b) => step <= b);
    return (index === -1 ? values[values.length - 1] : values[index]) as number;
  };
}
