import type { ValuesInput } from './host-values.js';
import { average, combineOutputs, type RegressionOptions, readRegressionPair } from './regression-options.js';

/**
 * Mean absolute error, as scikit-learn 1.2's `mean_absolute_error`: per output the (weighted)
 * mean of `|yTrue - yPred|`, combined over outputs as `multioutput` says. Inputs are `[N]` or
 * `[N, K]` numbers, read back once and computed in float64; nothing is disposed.
 *
 * @example
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) // → 0.5
 */
export function meanAbsoluteError(yTrue: ValuesInput, yPred: ValuesInput, options: RegressionOptions & { multioutput: 'raw_values' }): number[];
export function meanAbsoluteError(yTrue: ValuesInput, yPred: ValuesInput, options?: RegressionOptions): number;
export function meanAbsoluteError(yTrue: ValuesInput, yPred: ValuesInput, options: RegressionOptions = {}): number | number[] {
  const fn = 'meanAbsoluteError';
  const pair = readRegressionPair(yTrue, yPred, options, fn);
  const errors = pair.columns.map((c) => average(c.yTrue.map((t, i) => Math.abs(t - c.yPred[i]!)), pair.weight, fn));
  return combineOutputs(errors, options.multioutput, fn);
}
