import { type BalancedAccuracyOptions, balancedAccuracyFromCounts } from './balanced-accuracy.js';
import type { Counts } from './counts.js';
import { NO_MULTILABEL_ADVICE } from './indicator-check.js';
import { BALANCED_ACCURACY_OPTIONS, STREAMING_OPTIONS } from './option-constraints.js';
import { warner } from './scores.js';
import { StatScoresMetric, type StreamingOptions } from './stat-scores-metric.js';

/**
 * Streaming {@link balancedAccuracy}: accumulates a confusion matrix on the device; `compute`
 * equals the function on the concatenated batches.
 *
 * @example
 * const metric = new BalancedAccuracy({ numClasses: 10 });
 */
export class BalancedAccuracy extends StatScoresMetric<number> {
  private readonly options: BalancedAccuracyOptions;

  /** @param options `adjusted`, `threshold`, `task` (not multilabel) and `numClasses` */
  constructor(options: BalancedAccuracyOptions & Omit<StreamingOptions, 'labels'> = {}) {
    if (options.task === 'multilabel') throw new Error('BalancedAccuracy: multilabel data is not supported');
    super('BalancedAccuracy', options, { ...BALANCED_ACCURACY_OPTIONS, ...STREAMING_OPTIONS }, NO_MULTILABEL_ADVICE);
    this.options = options;
  }

  protected fromCounts(counts: Counts): number {
    return balancedAccuracyFromCounts(counts, this.options, warner('BalancedAccuracy'), 'BalancedAccuracy');
  }
}
