import { checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import { asTensor, checkNoIndicators, indicatorFlags } from './indicator-check.js';
import { arrayToTensor, formatShape, inputShape, type LabelsInput } from './label-input.js';
import { TOP_K_OPTIONS } from './option-constraints.js';
import { toLabels } from './to-labels.js';

/** The end of the error for a multilabel yTrue: top-k accuracy has no multilabel form. */
export const TOP_K_ADVICE = 'top-k accuracy needs one true class per sample (labels or one-hot rows)';

/** Options of {@link topKAccuracy} and {@link TopKAccuracy}. */
export interface TopKAccuracyOptions {
  /** How many of the highest scores may hold the true class. Default 2, as scikit-learn. */
  k?: number;
}

/** Validates the pair (scores must be `[N, C]`); returns the number of samples. */
export function checkTopK(yTrue: LabelsInput, yScore: LabelsInput, fn: string): number {
  const samples = checkPair(yTrue, yScore, fn);
  const shape = inputShape(yScore);
  if (shape.length !== 2 || shape[1]! < 2) {
    throw new Error(`${fn}: yScore must be [N, C] scores with C >= 2; got shape ${formatShape(shape)}`);
  }
  return samples;
}

/** Returns the `k` option, validated: a positive integer, default 2. */
export function resolveK(k: number | undefined, fn: string): number {
  const value = k ?? 2;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${fn}: k must be a positive integer; got ${String(k)}`);
  return value;
}

/**
 * How many samples of a validated pair have their true class among the `k` best scores, as an
 * int32 scalar that the caller disposes. Ties are broken as scikit-learn's stable sort does: among
 * equal scores, a higher class index ranks first. No data is read.
 */
export function countTopK(yTrue: LabelsInput, yScore: LabelsInput, k: number): tf.Scalar {
  return tf.tidy(() => {
    const scores = tf.cast(yScore instanceof tf.Tensor ? yScore : arrayToTensor(yScore, 'yScore'), 'float32');
    const classes = scores.shape[1]!;
    const labels = tf.expandDims(toLabels(yTrue, {}, 'yTrue'), 1);
    const columns = tf.expandDims(tf.range(0, classes, 1, 'int32'), 0);
    const isTrue = tf.equal(columns, labels);
    const trueScore = tf.max(tf.where(isTrue, scores, tf.fill(scores.shape, Number.NEGATIVE_INFINITY)), 1, true);
    const above = tf.greater(scores, trueScore);
    const tiedAfter = tf.logicalAnd(tf.equal(scores, trueScore), tf.greater(columns, labels));
    const rank = tf.sum(tf.cast(tf.logicalOr(above, tiedAfter), 'int32'), 1);
    return tf.sum(tf.cast(tf.less(rank, k), 'int32'));
  });
}

/**
 * {@link countTopK} and whether yTrue is a multilabel indicator matrix (see `indicatorFlags`;
 * yScore is never flagged: 0/1 scores are scores), as an int32 `[3]` tensor the caller disposes.
 */
export function countTopKAndFlags(yTrue: LabelsInput, yScore: LabelsInput, k: number, checkIndicators = true): tf.Tensor1D {
  return tf.tidy(() => {
    const t = asTensor(yTrue, 'yTrue');
    return tf.concat([tf.reshape(countTopK(t, yScore, k), [1]), (checkIndicators ? indicatorFlags(t, null) : tf.zeros([2], 'int32'))]) as tf.Tensor1D;
  });
}

/**
 * Fraction of samples whose true class is among the `k` highest of their `[N, C]` scores
 * (probabilities or logits; column j is class j), as scikit-learn 1.2's `top_k_accuracy_score`
 * with `labels = 0..C-1`, including its tie rule. yTrue: labels or one-hot; a multilabel
 * indicator matrix is an error (found by reading two flags back when yTrue is `[N, C]`, C > 1). A
 * float32 scalar that the caller disposes; otherwise nothing is read back. True labels outside
 * 0..C-1 never count as hits.
 *
 * @example
 * topKAccuracy([0, 1, 2, 2], tf.tensor2d([[0.5, 0.2, 0.2], [0.3, 0.4, 0.2], [0.2, 0.4, 0.3], [0.7, 0.2, 0.1]]), { k: 2 })
 * // → 0.75
 */
export function topKAccuracy(yTrue: LabelsInput, yScore: LabelsInput, options: TopKAccuracyOptions = {}): tf.Scalar {
  checkOptions('topKAccuracy', options, TOP_K_OPTIONS);
  const k = resolveK(options.k, 'topKAccuracy');
  const samples = checkTopK(yTrue, yScore, 'topKAccuracy');
  checkNoIndicators(yTrue, yScore, 'topKAccuracy', TOP_K_ADVICE, { yTrue: true, yPred: false });
  return tf.tidy(() => tf.div(tf.cast(countTopK(yTrue, yScore, k), 'float32'), samples));
}
