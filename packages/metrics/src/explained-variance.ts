import type { ValuesInput } from './host-values.js';
import { average, readRegressionPair, VARIANCE_SCORE_OPTIONS, type VarianceScoreOptions } from './regression-options.js';
import { assembleVarianceScore } from './variance-scores.js';

/**
 * Explained variance, as scikit-learn 1.2's `explained_variance_score`: per output
 * `1 - Var(y - ŷ) / Var(y)` (weighted variances), combined over outputs as `multioutput` says.
 * Unlike R², a constant bias in the predictions costs nothing. Constant targets follow
 * `forceFinite` (default true) as in {@link r2Score}. Inputs are `[N]` or `[N, K]` numbers, read
 * back once, float64; nothing is disposed.
 *
 * @example
 * explainedVariance([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) // → 0.9571734475374732
 */
export function explainedVariance(yTrue: ValuesInput, yPred: ValuesInput, options: VarianceScoreOptions & { multioutput: 'raw_values' }): number[];
export function explainedVariance(yTrue: ValuesInput, yPred: ValuesInput, options?: VarianceScoreOptions): number;
export function explainedVariance(yTrue: ValuesInput, yPred: ValuesInput, options: VarianceScoreOptions = {}): number | number[] {
  const fn = 'explainedVariance';
  const pair = readRegressionPair(yTrue, yPred, options, fn, VARIANCE_SCORE_OPTIONS);
  const w = pair.weight;
  const variance = (xs: Float64Array) => {
    const mean = average(xs, w, fn);
    return average(xs.map((x) => (x - mean) ** 2), w, fn);
  };
  const numerator = pair.columns.map((c) => variance(c.yTrue.map((t, i) => t - c.yPred[i]!)));
  const denominator = pair.columns.map((c) => variance(c.yTrue));
  return assembleVarianceScore(numerator, denominator, options, fn);
}
