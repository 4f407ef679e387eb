import { MeanErrorMetric } from './mean-error-metric.js';
import { type RegressionValue, STREAMING_REGRESSION_OPTIONS, type StreamingRegressionOptions } from './regression-options.js';

/**
 * Streaming {@link meanAbsoluteError} (Keras' and torchmetrics' `MeanAbsoluteError`): the
 * (weighted) mean of `|yTrue - yPred|` over every batch, per output combined as `multioutput`
 * says, equal to the function on the concatenated batches to the last bit. See {@link MeanErrorMetric}.
 *
 * @example
 * const metric = new MeanAbsoluteError();
 * metric.update([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);
 * metric.computeSync(); // → 0.5
 */
export class MeanAbsoluteError<O extends StreamingRegressionOptions = StreamingRegressionOptions> extends MeanErrorMetric<RegressionValue<O>> {
  /** @param options see {@link StreamingRegressionOptions} */
  constructor(options: O = {} as O) {
    super('MeanAbsoluteError', options, STREAMING_REGRESSION_OPTIONS);
  }

  protected error(yTrue: number, yPred: number): number {
    return Math.abs(yTrue - yPred);
  }
}
