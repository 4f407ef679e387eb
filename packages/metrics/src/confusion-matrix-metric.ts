import { type ConfusionMatrixOptions, checkConfusionOptions, confusionMatrixFromCounts } from './confusion-matrix.js';
import type { Counts } from './counts.js';
import { CONFUSION_ADVICE } from './indicator-check.js';
import { CONFUSION_MATRIX_OPTIONS, STREAMING_OPTIONS } from './option-constraints.js';
import { StatScoresMetric, type StreamingOptions } from './stat-scores-metric.js';

/**
 * Streaming {@link confusionMatrix} (torchmetrics' `ConfusionMatrix`): accumulates on the device;
 * `compute` equals `confusionMatrix` on the concatenated batches. Options as the function's, plus
 * `numClasses` (see {@link StreamingOptions}). Pass `labels: [0, ..., C-1]` for a fixed C x C.
 *
 * @example
 * const metric = new ConfusionMatrix({ numClasses: 10, labels: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
 */
export class ConfusionMatrix extends StatScoresMetric<number[][]> {
  private readonly options: ConfusionMatrixOptions;

  /** @param options see {@link ConfusionMatrixOptions} and {@link StreamingOptions} */
  constructor(options: ConfusionMatrixOptions & StreamingOptions = {}) {
    super('ConfusionMatrix', options, { ...CONFUSION_MATRIX_OPTIONS, ...STREAMING_OPTIONS }, CONFUSION_ADVICE);
    checkConfusionOptions(options, 'ConfusionMatrix');
    this.options = options;
  }

  protected fromCounts(counts: Counts): number[][] {
    return confusionMatrixFromCounts(counts, this.options, 'ConfusionMatrix');
  }
}
