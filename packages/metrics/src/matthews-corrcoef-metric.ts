import type { Counts } from './counts.js';
import { NO_MULTILABEL_ADVICE } from './indicator-check.js';
import { STREAMING_OPTIONS, TASK_OPTIONS } from './option-constraints.js';
import { matthewsCorrcoefFromCounts } from './matthews-corrcoef.js';
import { StatScoresMetric, type StreamingOptions } from './stat-scores-metric.js';

/**
 * Streaming {@link matthewsCorrcoef} (torchmetrics' `MatthewsCorrCoef`): accumulates a confusion
 * matrix on the device; `compute` equals the function on the concatenated batches.
 *
 * @example
 * const metric = new MatthewsCorrCoef({ numClasses: 10 });
 */
export class MatthewsCorrCoef extends StatScoresMetric<number> {
  /** @param options `threshold`, `task` (not multilabel) and `numClasses` (see {@link StreamingOptions}) */
  constructor(options: Omit<StreamingOptions, 'labels'> = {}) {
    if (options.task === 'multilabel') throw new Error('MatthewsCorrCoef: multilabel data is not supported');
    super('MatthewsCorrCoef', options, { ...TASK_OPTIONS, ...STREAMING_OPTIONS }, NO_MULTILABEL_ADVICE);
  }

  protected fromCounts(counts: Counts): number {
    return matthewsCorrcoefFromCounts(counts, 'MatthewsCorrCoef');
  }
}
