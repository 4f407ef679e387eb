import { boolean } from '@lab/core';
import type { ValuesInput } from './host-values.js';
import { average, combineOutputs, REGRESSION_OPTIONS, type RegressionOptions, readRegressionPair } from './regression-options.js';

/** Options of {@link meanSquaredError}. */
export interface MeanSquaredErrorOptions extends RegressionOptions {
  /** false gives the root mean squared error (per output, then combined). Default true. */
  squared?: boolean;
}

/**
 * Mean squared error, as scikit-learn 1.2's `mean_squared_error`: per output the (weighted) mean
 * of `(yTrue - yPred)²`, or its square root with `squared: false`, combined over outputs as
 * `multioutput` says (`'raw_values'` gives one number per output). Inputs are `[N]` or `[N, K]`
 * numbers, read back once and computed in float64; nothing is disposed.
 *
 * @example
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) // → 0.375
 */
export function meanSquaredError(yTrue: ValuesInput, yPred: ValuesInput, options: MeanSquaredErrorOptions & { multioutput: 'raw_values' }): number[];
export function meanSquaredError(yTrue: ValuesInput, yPred: ValuesInput, options?: MeanSquaredErrorOptions): number;
export function meanSquaredError(yTrue: ValuesInput, yPred: ValuesInput, options: MeanSquaredErrorOptions = {}): number | number[] {
  const fn = 'meanSquaredError';
  const pair = readRegressionPair(yTrue, yPred, options, fn, { ...REGRESSION_OPTIONS, squared: boolean() });
  const errors = pair.columns.map((c) => {
    const mse = average(c.yTrue.map((t, i) => (t - c.yPred[i]!) ** 2), pair.weight, fn);
    return options.squared === false ? Math.sqrt(mse) : mse;
  });
  return combineOutputs(errors, options.multioutput, fn);
}
