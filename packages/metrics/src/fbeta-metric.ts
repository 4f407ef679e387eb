import { checkScoreValues } from './classification-options.js';
import type { Counts } from './counts.js';
import { MULTILABEL_ADVICE } from './indicator-check.js';
import { FBETA_OPTIONS } from './option-constraints.js';
import { STREAMING_SCORE_OPTIONS, type ScoreValue, type StreamingScoreOptions } from './precision-metric.js';
import { checkBeta, scoresFromCounts } from './scores.js';
import { StatScoresMetric } from './stat-scores-metric.js';

/** Options of {@link FBetaScore}: {@link StreamingScoreOptions} and the required `beta`. */
export type StreamingFBetaOptions = StreamingScoreOptions & { beta: number };

/**
 * Streaming {@link fbeta} (torchmetrics' `FBetaScore`); works as {@link Precision}.
 *
 * @example
 * const metric = new FBetaScore({ beta: 2, average: 'macro', numClasses: 10 });
 */
export class FBetaScore<O extends StreamingFBetaOptions = StreamingFBetaOptions> extends StatScoresMetric<ScoreValue<O>> {
  private readonly options: O;
  private readonly beta: number;

  /** @param options as {@link fbeta}'s, plus `numClasses` (see {@link StreamingOptions}) */
  constructor(options: O) {
    super('FBetaScore', options, { ...STREAMING_SCORE_OPTIONS, ...FBETA_OPTIONS }, MULTILABEL_ADVICE, options?.average === 'samples');
    this.beta = checkBeta(options?.beta, 'FBetaScore');
    checkScoreValues(options, 'FBetaScore');
    this.options = options;
  }

  protected fromCounts(counts: Counts): ScoreValue<O> {
    return scoresFromCounts(counts, this.options, this.beta, ['f-score'], 'FBetaScore').fscore as ScoreValue<O>;
  }
}

/**
 * Streaming {@link f1} (torchmetrics' `F1Score`); works as {@link Precision}.
 *
 * @example
 * const metric = new F1Score({ average: 'macro', numClasses: 10 });
 */
export class F1Score<O extends StreamingScoreOptions = StreamingScoreOptions> extends StatScoresMetric<ScoreValue<O>> {
  private readonly options: O;

  /** @param options as {@link f1}'s, plus `numClasses` (see {@link StreamingOptions}) */
  constructor(options: O = {} as O) {
    super('F1Score', options, STREAMING_SCORE_OPTIONS, MULTILABEL_ADVICE, options.average === 'samples');
    checkScoreValues(options, 'F1Score');
    this.options = options;
  }

  protected fromCounts(counts: Counts): ScoreValue<O> {
    return scoresFromCounts(counts, this.options, 1, ['f-score'], 'F1Score').fscore as ScoreValue<O>;
  }
}
