import { boolean } from '@lab/core';
import { MeanErrorMetric } from './mean-error-metric.js';
import { type RegressionValue, STREAMING_REGRESSION_OPTIONS, type StreamingRegressionOptions } from './regression-options.js';

/** Options of {@link MeanSquaredError}: {@link StreamingRegressionOptions} and `squared`. */
export interface StreamingMeanSquaredErrorOptions extends StreamingRegressionOptions {
  /** false gives the root mean squared error (per output, then combined), as {@link RootMeanSquaredError}. Default true. */
  squared?: boolean;
}

/**
 * Streaming {@link meanSquaredError} (Keras' and torchmetrics' `MeanSquaredError`): `update`
 * adds a batch (`sampleWeight` optional), `compute` gives the mean of `(yTrue - yPred)²` over every
 * batch, per output combined as `multioutput` says, equal to the function on the concatenated
 * batches to the last bit. `[N]` or `[N, K]` numbers; see {@link MeanErrorMetric}.
 *
 * @example
 * const metric = new MeanSquaredError();
 * metric.update([3, -0.5], [2.5, 0.0]);
 * metric.update([2, 7], [2, 8]);
 * metric.computeSync(); // → 0.375, as meanSquaredError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8])
 */
export class MeanSquaredError<O extends StreamingMeanSquaredErrorOptions = StreamingMeanSquaredErrorOptions> extends MeanErrorMetric<RegressionValue<O>> {
  /** Whether the value is the MSE (true) or its square root (false). */
  readonly squared: boolean;

  /** @param options see {@link StreamingMeanSquaredErrorOptions} */
  constructor(options: O = {} as O) {
    super('MeanSquaredError', options, { ...STREAMING_REGRESSION_OPTIONS, squared: boolean() });
    this.squared = options.squared ?? true;
  }

  protected error(yTrue: number, yPred: number): number {
    return (yTrue - yPred) ** 2;
  }

  protected override finishOutput(mean: number): number {
    return this.squared ? mean : Math.sqrt(mean);
  }
}

/**
 * Streaming root mean squared error (Keras' `RootMeanSquaredError`): the square root of each
 * output's mean squared error over every batch, combined as `multioutput` says, as
 * `meanSquaredError(…, { squared: false })` on the concatenated batches (scikit-learn's RMSE:
 * roots per output, then averaged). See {@link MeanSquaredError}.
 *
 * @example
 * const metric = new RootMeanSquaredError();
 * metric.update([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);
 * metric.computeSync(); // → 0.6123724356957945
 */
export class RootMeanSquaredError<O extends StreamingRegressionOptions = StreamingRegressionOptions> extends MeanErrorMetric<RegressionValue<O>> {
  /** @param options see {@link StreamingRegressionOptions} */
  constructor(options: O = {} as O) {
    super('RootMeanSquaredError', options, STREAMING_REGRESSION_OPTIONS);
  }

  protected error(yTrue: number, yPred: number): number {
    return (yTrue - yPred) ** 2;
  }

  protected override finishOutput(mean: number): number {
    return Math.sqrt(mean);
  }
}
