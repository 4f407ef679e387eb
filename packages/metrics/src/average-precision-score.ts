import { checkOptions, integer, oneOf } from '@lab/core';
import { averageBinaryScore, type RankingAverage } from './average-binary-score.js';
import type { ValuesInput } from './host-values.js';
import { prFromLabels } from './precision-recall-curve.js';
import { checkIndicatorMatrix, readScorePair, uniqueSorted } from './ranking-input.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';

/** Options of {@link averagePrecisionScore}, as scikit-learn 1.2's `average_precision_score`. */
export interface AveragePrecisionOptions {
  /**
   * How per-label scores of `[N, L]` indicator targets are combined: `'macro'` (default),
   * `'weighted'` (by positives), `'micro'`, `'samples'` or `'none'`. Ignored for binary data.
   */
  average?: RankingAverage;
  /** The positive class of binary data; fixed to 1 for indicator targets. Default 1. */
  posLabel?: number;
  /** One weight per sample; default all 1. */
  sampleWeight?: SampleWeight;
}

/** The constraints of {@link AveragePrecisionOptions} but `sampleWeight` (the streaming form's options). */
export const AP_STREAMING_OPTIONS = { average: oneOf('micro', 'macro', 'weighted', 'samples', 'none'), posLabel: integer() };

const AP_OPTIONS = { ...AP_STREAMING_OPTIONS, ...SAMPLE_WEIGHT_OPTION };

/**
 * Average precision, as scikit-learn 1.2's `average_precision_score`: the precision-recall curve's
 * step integral Σ (Rₙ - Rₙ₋₁) Pₙ, not interpolated. Binary labels against 1-D scores, or `[N, L]`
 * indicators (one-hot rows for one-vs-rest multiclass) against `[N, L]` scores, averaged per
 * `average`. scikit-learn 1.2 refuses 1-D multiclass labels, and so does this. Reads back once,
 * float64; nothing is disposed.
 *
 * @example
 * averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // → 0.8333333333333333
 */
export function averagePrecisionScore(yTrue: ValuesInput, yScore: ValuesInput, options: AveragePrecisionOptions & { average: 'none' }): number[];
export function averagePrecisionScore(yTrue: ValuesInput, yScore: ValuesInput, options?: AveragePrecisionOptions): number;
export function averagePrecisionScore(yTrue: ValuesInput, yScore: ValuesInput, options: AveragePrecisionOptions = {}): number | number[] {
  const fn = 'averagePrecisionScore';
  checkOptions(fn, options, AP_OPTIONS);
  const { yTrue: truth, yScore: score, weight } = readScorePair(yTrue, yScore, options.sampleWeight, fn);
  const posLabel = options.posLabel ?? 1;
  const metric = (t: Float64Array, s: Float64Array, w: Float64Array | undefined) => {
    const curve = prFromLabels(t, s, w, posLabel, fn);
    let sum = 0;
    for (let i = 1; i < curve.recall.length; i++) sum += (curve.recall[i]! - curve.recall[i - 1]!) * curve.precision[i - 1]!;
    return -sum;
  };
  if (truth.columns > 1) {
    checkIndicatorMatrix(truth, fn);
    if (posLabel !== 1) throw new Error(`${fn}: posLabel is fixed to 1 for multilabel indicator yTrue; got ${posLabel}`);
    if (score.columns !== truth.columns) throw new Error(`${fn}: yTrue has ${truth.columns} labels but yScore has ${score.columns} columns`);
    return averageBinaryScore(metric, truth, score, weight, options.average ?? 'macro', fn);
  }
  const present = uniqueSorted(truth.data);
  if (present.length > 2) {
    throw new Error(`${fn}: yTrue is multiclass (classes ${present.join(', ')}); scikit-learn 1.2 scores binary or multilabel data: pass one-hot rows (one-vs-rest) and [N, C] scores`);
  }
  if (present.length === 2 && !present.includes(posLabel)) throw new Error(`${fn}: posLabel ${posLabel} is not a label of yTrue; it should be one of ${present.join(', ')}`);
  if (score.columns !== 1) throw new Error(`${fn}: binary yTrue needs 1-D scores; got ${score.columns} columns`);
  return metric(truth.data, score.data, weight);
}
