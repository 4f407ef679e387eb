import { checkOptions } from '@lab/core';
import type { ValuesInput } from './host-values.js';
import { ROC_AUC_STREAMING_OPTIONS, type RocAucOptions, rocAucScore } from './roc-auc-score.js';
import { type RankingValue, ScoreListMetric } from './score-list-metric.js';

/** Options of {@link RocAuc} and {@link AUC}: {@link RocAucOptions} but `sampleWeight`, an argument of `update`. */
export type StreamingRocAucOptions = Omit<RocAucOptions, 'sampleWeight'>;

/**
 * Streaming {@link rocAucScore} (torchmetrics' `AUROC`): keeps every label and score `update`
 * gets (with `sampleWeight`), and `compute` gives `rocAucScore` of them all with the same options:
 * binary, `[N, L]` multilabel, or multiclass probabilities with `multiClass: 'ovr'`; exactly the
 * function on the concatenated batches. See {@link ScoreListMetric} for memory and ownership.
 *
 * @example
 * const metric = new RocAuc();
 * metric.update([0, 0], [0.1, 0.4]);
 * metric.update([1, 1], [0.35, 0.8]);
 * metric.computeSync(); // → 0.75
 */
export class RocAuc<O extends StreamingRocAucOptions = StreamingRocAucOptions> extends ScoreListMetric<RankingValue<O>> {
  private readonly options: StreamingRocAucOptions;

  /** @param options `average`, `multiClass`, `labels` (see {@link RocAucOptions}) */
  constructor(options: O = {} as O) {
    super('RocAuc');
    checkOptions('RocAuc', options, ROC_AUC_STREAMING_OPTIONS);
    this.options = { ...options };
  }

  protected score(yTrue: ValuesInput, yScore: ValuesInput, sampleWeight: Float64Array | undefined): RankingValue<O> {
    return rocAucScore(yTrue, yScore, { ...this.options, sampleWeight }) as RankingValue<O>;
  }
}

/**
 * {@link RocAuc} under Keras' name: the area under the ROC curve over every batch. Unlike Keras'
 * `AUC`, which approximates it on 200 fixed thresholds, this is exact (scikit-learn's
 * `roc_auc_score` of every sample kept), and the curve is always ROC (see
 * {@link AveragePrecision} for the precision-recall side).
 *
 * @example
 * const metric = new AUC();
 */
export class AUC<O extends StreamingRocAucOptions = StreamingRocAucOptions> extends ScoreListMetric<RankingValue<O>> {
  private readonly options: StreamingRocAucOptions;

  /** @param options as {@link RocAuc}'s */
  constructor(options: O = {} as O) {
    super('AUC');
    checkOptions('AUC', options, ROC_AUC_STREAMING_OPTIONS);
    this.options = { ...options };
  }

  protected score(yTrue: ValuesInput, yScore: ValuesInput, sampleWeight: Float64Array | undefined): RankingValue<O> {
    return rocAucScore(yTrue, yScore, { ...this.options, sampleWeight }) as RankingValue<O>;
  }
}
