import { average, combineOutputs, type VarianceScoreOptions } from './regression-options.js';

/**
 * scikit-learn 1.2's `_assemble_r2_explained_variance`: `1 - numerator / denominator` per output
 * (with `forceFinite`'s rules for zero terms), combined as `multioutput` says, where
 * `'variance_weighted'` weights outputs by their denominators (uniformly when all are 0).
 */
export function assembleVarianceScore(
  numerator: number[],
  denominator: number[],
  options: VarianceScoreOptions,
  fn: string,
): number | number[] {
  const forceFinite = options.forceFinite ?? true;
  const scores = numerator.map((num, j) => {
    const den = denominator[j]!;
    if (!forceFinite) return 1 - num / den;
    if (num === 0) return 1;
    return den === 0 ? 0 : 1 - num / den;
  });
  if (options.multioutput === 'variance_weighted') {
    return denominator.some((d) => d !== 0) ? average(scores, denominator, fn, 'the output variances') : average(scores, undefined, fn);
  }
  return combineOutputs(scores, options.multioutput, fn);
}
