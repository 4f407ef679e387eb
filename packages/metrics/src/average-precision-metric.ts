import { checkOptions } from '@lab/core';
import { AP_STREAMING_OPTIONS, type AveragePrecisionOptions, averagePrecisionScore } from './average-precision-score.js';
import type { ValuesInput } from './host-values.js';
import { type RankingValue, ScoreListMetric } from './score-list-metric.js';

/** Options of {@link AveragePrecision}: {@link AveragePrecisionOptions} but `sampleWeight`, an argument of `update`. */
export type StreamingAveragePrecisionOptions = Omit<AveragePrecisionOptions, 'sampleWeight'>;

/**
 * Streaming {@link averagePrecisionScore} (torchmetrics' `AveragePrecision`): keeps every label
 * and score `update` gets (with `sampleWeight`), and `compute` gives `averagePrecisionScore` of
 * them all with the same options (binary, or `[N, L]` indicators), exactly the function on the
 * concatenated batches. See {@link ScoreListMetric} for memory and ownership.
 *
 * @example
 * const metric = new AveragePrecision();
 * metric.update([0, 0, 1], [0.1, 0.4, 0.35]);
 * metric.update([1], [0.8]);
 * metric.computeSync(); // → 0.8333333333333333
 */
export class AveragePrecision<O extends StreamingAveragePrecisionOptions = StreamingAveragePrecisionOptions> extends ScoreListMetric<
  RankingValue<O>
> {
  private readonly options: StreamingAveragePrecisionOptions;

  /** @param options `average` and `posLabel` (see {@link AveragePrecisionOptions}) */
  constructor(options: O = {} as O) {
    super('AveragePrecision');
    checkOptions('AveragePrecision', options, AP_STREAMING_OPTIONS);
    this.options = { ...options };
  }

  protected score(yTrue: ValuesInput, yScore: ValuesInput, sampleWeight: Float64Array | undefined): RankingValue<O> {
    return averagePrecisionScore(yTrue, yScore, { ...this.options, sampleWeight }) as RankingValue<O>;
  }
}
