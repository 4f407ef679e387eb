import { COHEN_KAPPA_OPTIONS, type CohenKappaOptions, cohenKappaFromCounts } from './cohen-kappa.js';
import type { Counts } from './counts.js';
import { NO_MULTILABEL_ADVICE } from './indicator-check.js';
import { STREAMING_OPTIONS } from './option-constraints.js';
import { StatScoresMetric, type StreamingOptions } from './stat-scores-metric.js';

/**
 * Streaming {@link cohenKappa} (torchmetrics' `CohenKappa`): accumulates a confusion matrix on the
 * device; `compute` equals the function on the concatenated batches (with `update`'s weights).
 *
 * @example
 * const metric = new CohenKappa({ numClasses: 5, weights: 'quadratic' });
 */
export class CohenKappa extends StatScoresMetric<number> {
  private readonly options: CohenKappaOptions;

  /** @param options see {@link CohenKappaOptions}, plus `numClasses` */
  constructor(options: CohenKappaOptions & StreamingOptions = {}) {
    if (options.task === 'multilabel') throw new Error('CohenKappa: multilabel data is not supported');
    super('CohenKappa', options, { ...COHEN_KAPPA_OPTIONS, ...STREAMING_OPTIONS }, NO_MULTILABEL_ADVICE);
    this.options = options;
  }

  protected fromCounts(counts: Counts): number {
    return cohenKappaFromCounts(counts, this.options, 'CohenKappa');
  }
}
