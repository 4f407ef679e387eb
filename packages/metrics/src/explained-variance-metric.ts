import type { RegressionValue, StreamingVarianceScoreOptions } from './regression-options.js';
import { assembleVarianceScore } from './variance-scores.js';
import { VarianceScoreMetric } from './variance-score-metric.js';

/**
 * Streaming {@link explainedVariance} (torchmetrics' `ExplainedVariance`): per output
 * `1 - Var(y - ŷ) / Var(y)` (weighted variances) over every batch, from running sums, combined as
 * `multioutput` says, with `forceFinite`'s rules for constant targets. Equal to the function on
 * the concatenated batches to float64 rounding. See {@link VarianceScoreMetric}.
 *
 * @example
 * const metric = new ExplainedVariance();
 * metric.update([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);
 * metric.computeSync(); // → 0.9571734475374732
 */
export class ExplainedVariance<O extends StreamingVarianceScoreOptions = StreamingVarianceScoreOptions> extends VarianceScoreMetric<
  RegressionValue<O>
> {
  /** @param options `multioutput` and `forceFinite` (see {@link StreamingVarianceScoreOptions}) */
  constructor(options: O = {} as O) {
    super('ExplainedVariance', options);
  }

  protected result(fn: string): RegressionValue<O> {
    const variance = (sums: number[]) => sums.map((s) => s / this.totalWeight);
    const numerator = variance(this.sumsOfSquares('residual', fn));
    const denominator = variance(this.sumsOfSquares('true', fn));
    return assembleVarianceScore(numerator, denominator, this.options, fn) as RegressionValue<O>;
  }
}
