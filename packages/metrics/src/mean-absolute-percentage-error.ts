import type { ValuesInput } from './host-values.js';
import { average, combineOutputs, type RegressionOptions, readRegressionPair } from './regression-options.js';

/** float64's machine epsilon, scikit-learn's floor on `|yTrue|`. */
const EPSILON = 2 ** -52;

/** One sample's `|yPred - yTrue| / max(|yTrue|, ε)`, as scikit-learn computes it. */
export function absolutePercentageError(yTrue: number, yPred: number): number {
  return Math.abs(yPred - yTrue) / Math.max(Math.abs(yTrue), EPSILON);
}

/**
 * Mean absolute percentage error, as scikit-learn 1.2's `mean_absolute_percentage_error`: per
 * output the (weighted) mean of `|yTrue - yPred| / max(|yTrue|, ε)` (a fraction, not percent; a
 * zero target gives a huge error rather than Infinity), combined over outputs as `multioutput`
 * says. Inputs are `[N]` or `[N, K]` numbers, read back once, float64; nothing is disposed.
 *
 * @example
 * meanAbsolutePercentageError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) // → 0.3273809523809524
 */
export function meanAbsolutePercentageError(
  yTrue: ValuesInput,
  yPred: ValuesInput,
  options: RegressionOptions & { multioutput: 'raw_values' },
): number[];
export function meanAbsolutePercentageError(yTrue: ValuesInput, yPred: ValuesInput, options?: RegressionOptions): number;
export function meanAbsolutePercentageError(yTrue: ValuesInput, yPred: ValuesInput, options: RegressionOptions = {}): number | number[] {
  const fn = 'meanAbsolutePercentageError';
  const pair = readRegressionPair(yTrue, yPred, options, fn);
  const errors = pair.columns.map((c) =>
    average(c.yTrue.map((t, i) => absolutePercentageError(t, c.yPred[i]!)), pair.weight, fn),
  );
  return combineOutputs(errors, options.multioutput, fn);
}
