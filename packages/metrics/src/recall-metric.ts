import { checkScoreValues } from './classification-options.js';
import type { Counts } from './counts.js';
import { MULTILABEL_ADVICE } from './indicator-check.js';
import { STREAMING_SCORE_OPTIONS, type ScoreValue, type StreamingScoreOptions } from './precision-metric.js';
import { scoresFromCounts } from './scores.js';
import { StatScoresMetric } from './stat-scores-metric.js';

/**
 * Streaming {@link recall} (torchmetrics' `Recall`); works as {@link Precision}.
 *
 * @example
 * const metric = new Recall({ average: 'none', numClasses: 3 });
 * metric.update([0, 1, 2], [0, 2, 2]);
 * metric.computeSync(); // → [1, 0, 1]
 * metric.dispose();
 */
export class Recall<O extends StreamingScoreOptions = StreamingScoreOptions> extends StatScoresMetric<ScoreValue<O>> {
  private readonly options: O;

  /** @param options as {@link recall}'s, plus `numClasses` (see {@link StreamingOptions}) */
  constructor(options: O = {} as O) {
    super('Recall', options, STREAMING_SCORE_OPTIONS, MULTILABEL_ADVICE, options.average === 'samples');
    checkScoreValues(options, 'Recall');
    this.options = options;
  }

  protected fromCounts(counts: Counts): ScoreValue<O> {
    return scoresFromCounts(counts, this.options, 1, ['recall'], 'Recall').recall as ScoreValue<O>;
  }
}
