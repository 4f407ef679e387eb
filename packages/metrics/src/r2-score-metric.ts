import type { RegressionValue, StreamingVarianceScoreOptions } from './regression-options.js';
import { warner } from './scores.js';
import { assembleVarianceScore } from './variance-scores.js';
import { VarianceScoreMetric } from './variance-score-metric.js';

/**
 * Streaming {@link r2Score} (Keras 3's and torchmetrics' `R2Score`): per output
 * `1 - Σw(y - ŷ)² / Σw(y - ȳ)²` over every batch, from running sums (so any batching gives the
 * same value), combined as `multioutput` says (`'variance_weighted'` included), with
 * `forceFinite`'s rules for constant targets; fewer than two samples give NaN with a warning, as
 * scikit-learn. Equal to the function on the concatenated batches to float64 rounding (the
 * numerator to the last bit). See {@link VarianceScoreMetric}.
 *
 * @example
 * const metric = new R2Score();
 * metric.update([3, -0.5], [2.5, 0.0]);
 * metric.update([2, 7], [2, 8]);
 * metric.computeSync(); // → 0.9486081370449679
 */
export class R2Score<O extends StreamingVarianceScoreOptions = StreamingVarianceScoreOptions> extends VarianceScoreMetric<RegressionValue<O>> {
  /** @param options `multioutput` and `forceFinite` (see {@link StreamingVarianceScoreOptions}) */
  constructor(options: O = {} as O) {
    super('R2Score', options);
  }

  protected result(fn: string): RegressionValue<O> {
    if (this.samples < 2) {
      warner(fn)('R^2 score is not well-defined with less than two samples.');
      return Number.NaN as RegressionValue<O>;
    }
    const denominator = this.sumsOfSquares('true', fn);
    const numerator = this.outputs!.map((o) => o.squaredErrors);
    return assembleVarianceScore(numerator, denominator, this.options, fn) as RegressionValue<O>;
  }
}
