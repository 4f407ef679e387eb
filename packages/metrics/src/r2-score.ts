import type { ValuesInput } from './host-values.js';
import { average, readRegressionPair, VARIANCE_SCORE_OPTIONS, type VarianceScoreOptions } from './regression-options.js';
import { warner } from './scores.js';
import { assembleVarianceScore } from './variance-scores.js';

/**
 * The coefficient of determination R², as scikit-learn 1.2's `r2_score`: per output
 * `1 - Σw(y - ŷ)² / Σw(y - ȳ)²` (ȳ the weighted mean), combined over outputs as `multioutput`
 * says (`'variance_weighted'` weights by each output's variance). A constant target scores 1 when
 * predicted exactly and 0 otherwise (`forceFinite: false` gives NaN or -Infinity instead). One
 * sample gives NaN with a warning, as scikit-learn. Inputs are `[N]` or `[N, K]` numbers, read
 * back once, float64; nothing is disposed.
 *
 * @example
 * r2Score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) // → 0.9486081370449679
 */
export function r2Score(yTrue: ValuesInput, yPred: ValuesInput, options: VarianceScoreOptions & { multioutput: 'raw_values' }): number[];
export function r2Score(yTrue: ValuesInput, yPred: ValuesInput, options?: VarianceScoreOptions): number;
export function r2Score(yTrue: ValuesInput, yPred: ValuesInput, options: VarianceScoreOptions = {}): number | number[] {
  const fn = 'r2Score';
  const pair = readRegressionPair(yTrue, yPred, options, fn, VARIANCE_SCORE_OPTIONS);
  if (pair.yTrue.rows < 2) {
    warner(fn)('R^2 score is not well-defined with less than two samples.');
    return Number.NaN;
  }
  const w = pair.weight;
  const weighted = (xs: Float64Array) => xs.reduce((sum, x, i) => sum + (w ? w[i]! : 1) * x, 0);
  const numerator = pair.columns.map((c) => weighted(c.yTrue.map((t, i) => (t - c.yPred[i]!) ** 2)));
  const denominator = pair.columns.map((c) => {
    const mean = average(c.yTrue, w, fn);
    return weighted(c.yTrue.map((t) => (t - mean) ** 2));
  });
  return assembleVarianceScore(numerator, denominator, options, fn);
}
