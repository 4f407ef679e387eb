import { checkScoreValues, type ScoreOptions } from './classification-options.js';
import type { Counts } from './counts.js';
import { MULTILABEL_ADVICE } from './indicator-check.js';
import { SCORE_OPTIONS, STREAMING_OPTIONS } from './option-constraints.js';
import { scoresFromCounts } from './scores.js';
import { StatScoresMetric, type StreamingOptions } from './stat-scores-metric.js';

/** The constraints of {@link StreamingScoreOptions}. */
export const STREAMING_SCORE_OPTIONS = { ...SCORE_OPTIONS, ...STREAMING_OPTIONS };

/** Options of the streaming precision, recall and F-scores: {@link ScoreOptions} and `numClasses`. */
export type StreamingScoreOptions = ScoreOptions & StreamingOptions;

/** What a streaming score computes for options `O`: per label for `average: 'none'`, else a number. */
export type ScoreValue<O extends ScoreOptions> = O['average'] extends 'none' ? number[] : number;

/**
 * Streaming {@link precision} (torchmetrics' `Precision`): `update` per batch accumulates a
 * confusion matrix on the device without reading it; `compute` equals `precision` on the
 * concatenated batches: a number, or one per label for `average: 'none'`. See
 * {@link StatScoresMetric} for `numClasses` and ownership.
 *
 * @example
 * const metric = new Precision({ average: 'macro', numClasses: 10 });
 * for (const [y, out] of batches) metric.update(y, out);
 * console.log(await metric.compute());
 * metric.dispose();
 */
export class Precision<O extends StreamingScoreOptions = StreamingScoreOptions> extends StatScoresMetric<ScoreValue<O>> {
  private readonly options: O;

  /** @param options as {@link precision}'s, plus `numClasses` (see {@link StreamingOptions}) */
  constructor(options: O = {} as O) {
    super('Precision', options, STREAMING_SCORE_OPTIONS, MULTILABEL_ADVICE, options.average === 'samples');
    checkScoreValues(options, 'Precision');
    this.options = options;
  }

  protected fromCounts(counts: Counts): ScoreValue<O> {
    return scoresFromCounts(counts, this.options, 1, ['precision'], 'Precision').precision as ScoreValue<O>;
  }
}
