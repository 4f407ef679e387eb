import { array, checkOptions, integer, oneOf } from '@lab/core';
import { averageBinaryScore, type RankingAverage } from './average-binary-score.js';
import type { HostMatrix, ValuesInput } from './host-values.js';
import { checkIndicatorMatrix, readScorePair, uniqueSorted } from './ranking-input.js';
import { rocFromLabels, trapezoidArea } from './roc-curve.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';

/** Options of {@link rocAucScore}, as scikit-learn 1.2's `roc_auc_score`. */
export interface RocAucOptions {
  /**
   * How per-label areas are combined for multilabel and multiclass data: `'macro'` (default),
   * `'weighted'` (by positives), `'micro'` (one curve over every cell), `'samples'` (multilabel
   * only, per row) or `'none'` (one per label). Ignored for binary data.
   */
  average?: RankingAverage;
  /**
   * Multiclass data (`[N, C]` probabilities, rows summing to 1): `'ovr'` scores each class
   * against the rest. Default `'raise'`, as scikit-learn: multiclass data is an error.
   */
  multiClass?: 'raise' | 'ovr';
  /** Multiclass only: the classes of yScore's columns, ascending. Default: the classes of yTrue. */
  labels?: readonly number[];
  /** One weight per sample; default all 1. */
  sampleWeight?: SampleWeight;
}

/** The constraints of {@link RocAucOptions} but `sampleWeight` (the streaming form's options). */
export const ROC_AUC_STREAMING_OPTIONS = {
  average: oneOf('micro', 'macro', 'weighted', 'samples', 'none'),
  multiClass: oneOf('raise', 'ovr'),
  labels: array(integer()),
};

const ROC_AUC_OPTIONS = { ...ROC_AUC_STREAMING_OPTIONS, ...SAMPLE_WEIGHT_OPTION };

/** The area under the ROC curve of one column of 0/1 truth; one class only is an error. */
function binaryAuc(fn: string) {
  return (truth: Float64Array, score: Float64Array, weight: Float64Array | undefined): number => {
    if (uniqueSorted(truth).length !== 2) throw new Error(`${fn}: only one class is present in yTrue; ROC AUC is not defined then`);
    const roc = rocFromLabels(truth, score, weight, {}, fn);
    return trapezoidArea(roc.fpr, roc.tpr, fn);
  };
}

/** 1-D labels as a `[N, C]` one-vs-rest indicator matrix over `classes`. */
function binarize(labels: ArrayLike<number>, classes: readonly number[]): HostMatrix {
  const index = new Map(classes.map((c, i) => [c, i]));
  const data = new Float64Array(labels.length * classes.length);
  for (let i = 0; i < labels.length; i++) data[i * classes.length + index.get(labels[i]!)!] = 1;
  return { data, rows: labels.length, columns: classes.length, rank: 2 };
}

/**
 * The area under the ROC curve, as scikit-learn 1.2's `roc_auc_score`: binary labels against 1-D
 * scores (the larger label is positive); `[N, L]` multilabel indicators against `[N, L]` scores,
 * averaged per `average`; multiclass labels against `[N, C]` probabilities with
 * `multiClass: 'ovr'` (macro, weighted, micro or none). A label with one class only is an error.
 * Reads back once, float64; nothing is disposed.
 *
 * @example
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // → 0.75
 */
export function rocAucScore(yTrue: ValuesInput, yScore: ValuesInput, options: RocAucOptions & { average: 'none' }): number[];
export function rocAucScore(yTrue: ValuesInput, yScore: ValuesInput, options?: RocAucOptions): number;
export function rocAucScore(yTrue: ValuesInput, yScore: ValuesInput, options: RocAucOptions = {}): number | number[] {
  const fn = 'rocAucScore';
  checkOptions(fn, options, ROC_AUC_OPTIONS);
  const { yTrue: truth, yScore: score, weight } = readScorePair(yTrue, yScore, options.sampleWeight, fn);
  const average = options.average ?? 'macro';
  const metric = binaryAuc(fn);
  if (truth.columns > 1) {
    checkIndicatorMatrix(truth, fn);
    if (score.columns !== truth.columns) throw new Error(`${fn}: yTrue has ${truth.columns} labels but yScore has ${score.columns} columns`);
    return averageBinaryScore(metric, truth, score, weight, average, fn);
  }
  const classes = uniqueSorted(truth.data);
  if (classes.length > 2 || score.columns > 2) {
    return multiclassAuc(truth.data, score, weight, classes, options, fn);
  }
  if (score.columns !== 1) throw new Error(`${fn}: binary yTrue needs 1-D scores (of the larger class); got ${score.columns} columns`);
  const positive = classes[classes.length - 1]!;
  return metric(truth.data.map((l) => (classes.length === 2 && l === positive ? 1 : 0)), score.data, weight);
}

function multiclassAuc(
  labels: Float64Array,
  score: HostMatrix,
  weight: Float64Array | undefined,
  present: number[],
  options: RocAucOptions,
  fn: string,
): number | number[] {
  for (let i = 0; i < score.rows; i++) {
    let sum = 0;
    for (let j = 0; j < score.columns; j++) sum += score.data[i * score.columns + j]!;
    // numpy's allclose(1, sum).
    if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) {
      throw new Error(`${fn}: multiclass yScore must be probabilities summing to 1 over classes; row ${i} sums to ${sum}`);
    }
  }
  const average = options.average ?? 'macro';
  if (average === 'samples') throw new Error(`${fn}: average 'samples' is not defined for multiclass data; use 'micro', 'macro', 'weighted' or 'none'`);
  if ((options.multiClass ?? 'raise') !== 'ovr') throw new Error(`${fn}: yTrue is multiclass; pass multiClass: 'ovr' to score each class against the rest`);
  let classes = present;
  if (options.labels) {
    classes = [...options.labels];
    if (classes.some((c, i) => i > 0 && c <= classes[i - 1]!)) throw new Error(`${fn}: labels must be distinct and ascending; got ${classes.join(', ')}`);
    if (classes.length !== score.columns) throw new Error(`${fn}: labels has ${classes.length} classes but yScore has ${score.columns} columns`);
    const missing = present.filter((c) => !classes.includes(c));
    if (missing.length > 0) throw new Error(`${fn}: yTrue has labels not in labels: ${missing.join(', ')}`);
  } else if (classes.length !== score.columns) {
    throw new Error(`${fn}: yTrue has ${classes.length} classes but yScore has ${score.columns} columns; pass labels to name every class`);
  }
  return averageBinaryScore(binaryAuc(fn), binarize(labels, classes), score, weight, average, fn);
}
