import { absolutePercentageError } from './mean-absolute-percentage-error.js';
import { MeanErrorMetric } from './mean-error-metric.js';
import { type RegressionValue, STREAMING_REGRESSION_OPTIONS, type StreamingRegressionOptions } from './regression-options.js';

/**
 * Streaming {@link meanAbsolutePercentageError} (torchmetrics' `MeanAbsolutePercentageError`):
 * the (weighted) mean of `|yTrue - yPred| / max(|yTrue|, ε)` over every batch, a fraction as in
 * scikit-learn (Keras' metric of that name gives percent, 100 times this), per output combined
 * as `multioutput` says; equal to the function on the concatenated batches to the last bit.
 * See {@link MeanErrorMetric}.
 *
 * @example
 * const metric = new MeanAbsolutePercentageError();
 * metric.update([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);
 * metric.computeSync(); // → 0.3273809523809524
 */
export class MeanAbsolutePercentageError<O extends StreamingRegressionOptions = StreamingRegressionOptions> extends MeanErrorMetric<RegressionValue<O>> {
  /** @param options see {@link StreamingRegressionOptions} */
  constructor(options: O = {} as O) {
    super('MeanAbsolutePercentageError', options, STREAMING_REGRESSION_OPTIONS);
  }

  protected error(yTrue: number, yPred: number): number {
    return absolutePercentageError(yTrue, yPred);
  }
}
