import type { Counts } from './counts.js';
import { hammingLossFromCounts } from './hamming-loss.js';
import { STREAMING_OPTIONS, TASK_OPTIONS } from './option-constraints.js';
import { StatScoresMetric, type StreamingOptions } from './stat-scores-metric.js';

/**
 * Streaming {@link hammingLoss} (torchmetrics' `HammingDistance`): accumulates counts on the
 * device; `compute` equals the function on the concatenated batches (with `update`'s weights).
 *
 * @example
 * const metric = new HammingLoss({ task: 'multilabel' });
 */
export class HammingLoss extends StatScoresMetric<number> {
  /** @param options `threshold`, `task` and `numClasses` (see {@link StreamingOptions}) */
  constructor(options: Omit<StreamingOptions, 'labels'> = {}) {
    super('HammingLoss', options, { ...TASK_OPTIONS, ...STREAMING_OPTIONS });
  }

  protected fromCounts(counts: Counts): number {
    return hammingLossFromCounts(counts, 'HammingLoss');
  }
}
