import { checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import { asTensor, checkNoIndicators, indicatorFlags } from './indicator-check.js';
import { arrayToTensor, formatShape, inputShape, type LabelsInput } from './label-input.js';
import { TOP_K_OPTIONS } from './option-constraints.js';
import { checkFiniteWeights, checkSampleWeightShape, SAMPLE_WEIGHT_OPTION, type SampleWeight, weightTensor } from './sample-weight.js';
import { toLabels } from './to-labels.js';

/** The end of the error for a multilabel yTrue: top-k accuracy has no multilabel form. */
export const TOP_K_ADVICE = 'top-k accuracy needs one true class per sample (labels or one-hot rows)';

/** Options of {@link topKAccuracy} and {@link TopKAccuracy}. */
export interface TopKAccuracyOptions {
  /** How many of the highest scores may hold the true class. Default 2, as scikit-learn. */
  k?: number;
  /** false gives the number (summed weights) of hits instead of the fraction. Default true. */
  normalize?: boolean;
}

/** Options of the functional {@link topKAccuracy}: {@link TopKAccuracyOptions} and `sampleWeight`. */
export interface WeightedTopKAccuracyOptions extends TopKAccuracyOptions {
  /** One weight per sample (scikit-learn's `sample_weight`); default all 1. */
  sampleWeight?: SampleWeight;
}

/** Validates the pair (scores `[N, C]` with C >= 2, or binary `[N]` / `[N, 1]`); returns the number of samples. */
export function checkTopK(yTrue: LabelsInput, yScore: LabelsInput, fn: string): number {
  const samples = checkPair(yTrue, yScore, fn);
  const shape = inputShape(yScore);
  if (shape.length > 2) {
    throw new Error(`${fn}: yScore must be [N, C] scores with C >= 2 or binary [N] scores; got shape ${formatShape(shape)}`);
  }
  return samples;
}

/** True for binary scores: `[N]` or `[N, 1]`, one score of class 1 per sample. */
export function isBinaryScore(yScore: LabelsInput): boolean {
  const shape = inputShape(yScore);
  return shape.length === 1 || shape[1] === 1;
}

/**
 * Hits of binary scores as scikit-learn's `top_k_accuracy_score` counts them (labels 0 and 1):
 * with k = 1, class 1 is predicted where the score is above 0.5 when every score lies in [0, 1]
 * (probabilities), else above 0 (decision values), and a hit is a right prediction; with k >= 2
 * every sample is a hit. A `[2]` int32 tensor: the hits with the 0.5 rule and with the 0 rule,
 * each a float32 weighted sum when `weight` is given, then whether some score lies outside [0, 1].
 */
export function countBinaryTopK(yTrue: LabelsInput, yScore: LabelsInput, k: number, weight: tf.Tensor1D | null): tf.Tensor1D {
  return tf.tidy(() => {
    const scores = tf.reshape(tf.cast(yScore instanceof tf.Tensor ? yScore : arrayToTensor(yScore, 'yScore'), 'float32'), [-1]);
    const labels = toLabels(yTrue, {}, 'yTrue');
    const sum = (hits: tf.Tensor) => (weight ? tf.sum(tf.mul(tf.cast(hits, 'float32'), weight)) : tf.sum(tf.cast(hits, 'int32')));
    const hitsAt = (threshold: number) =>
      k >= 2 ? sum(tf.onesLike(labels)) : sum(tf.equal(tf.cast(tf.greater(scores, threshold), 'int32'), labels));
    const outside = tf.any(tf.logicalOr(tf.less(scores, 0), tf.greater(scores, 1)));
    const dtype = weight ? 'float32' : 'int32';
    return tf.stack([tf.cast(hitsAt(0.5), dtype), tf.cast(hitsAt(0), dtype), tf.cast(outside, dtype)]) as tf.Tensor1D;
  });
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
export function countTopK(yTrue: LabelsInput, yScore: LabelsInput, k: number, weight: tf.Tensor1D | null = null): tf.Scalar {
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
    const hits = tf.less(rank, k);
    return weight ? tf.sum(tf.mul(tf.cast(hits, 'float32'), weight)) : tf.sum(tf.cast(hits, 'int32'));
  });
}

/**
 * {@link countTopK}, whether yTrue is a multilabel indicator matrix (see `indicatorFlags`; yScore
 * is never flagged: 0/1 scores are scores) and the sample count (or summed weights), then for
 * binary scores the three numbers of {@link countBinaryTopK} (the first entry is then the 0.5
 * rule's hits), as a `[4]` or `[7]` tensor (int32 without weights) the caller disposes.
 */
export function countTopKAndFlags(yTrue: LabelsInput, yScore: LabelsInput, k: number, checkIndicators = true, weight: tf.Tensor1D | null = null): tf.Tensor1D {
  return tf.tidy(() => {
    const t = asTensor(yTrue, 'yTrue');
    const dtype = weight ? 'float32' : 'int32';
    const flags = tf.cast(checkIndicators ? indicatorFlags(t, null) : tf.zeros([2], 'int32'), dtype);
    const total = tf.reshape(tf.cast(weight ? tf.sum(weight) : tf.scalar(t.shape[0]!), dtype), [1]);
    if (isBinaryScore(yScore)) {
      const binary = countBinaryTopK(t, yScore, k, weight);
      return tf.concat([tf.slice(binary, [0], [1]), flags, total, binary]) as tf.Tensor1D;
    }
    return tf.concat([tf.reshape(countTopK(t, yScore, k, weight), [1]), flags, total]) as tf.Tensor1D;
  });
}

/**
 * Fraction of samples whose true class is among the `k` highest of their `[N, C]` scores
 * (probabilities or logits; column j is class j), as scikit-learn 1.2's `top_k_accuracy_score`
 * with `labels = 0..C-1`, including its tie rule. Binary `[N]` (or `[N, 1]`) scores of class 1
 * follow scikit-learn's binary rule with labels 0 and 1 (see `countBinaryTopK`: k = 1 thresholds
 * at 0.5 for probabilities, at 0 otherwise; k >= 2 scores 1). yTrue: labels or one-hot; a
 * multilabel indicator matrix is an error (found by reading two flags back when yTrue is
 * `[N, C]`, C > 1). `normalize: false` gives the count; `sampleWeight` weighs samples (JS weights
 * summing to 0 are an error). A scalar (float32; int32 for an unweighted count) that the caller
 * disposes; otherwise nothing is read back. True labels outside 0..C-1 never count as hits.
 *
 * @example
 * topKAccuracy([0, 1, 2, 2], tf.tensor2d([[0.5, 0.2, 0.2], [0.3, 0.4, 0.2], [0.2, 0.4, 0.3], [0.7, 0.2, 0.1]]), { k: 2 })
 * // → 0.75
 */
export function topKAccuracy(yTrue: LabelsInput, yScore: LabelsInput, options: WeightedTopKAccuracyOptions = {}): tf.Scalar {
  checkOptions('topKAccuracy', options, { ...TOP_K_OPTIONS, ...SAMPLE_WEIGHT_OPTION });
  const k = resolveK(options.k, 'topKAccuracy');
  const samples = checkTopK(yTrue, yScore, 'topKAccuracy');
  const sampleWeight = options.sampleWeight;
  checkSampleWeightShape(sampleWeight, samples, 'topKAccuracy');
  if (sampleWeight !== undefined && !(sampleWeight instanceof tf.Tensor)) {
    checkFiniteWeights(sampleWeight, 'topKAccuracy');
    if (options.normalize !== false && Array.from(sampleWeight).reduce((a, b) => a + b, 0) === 0) {
      throw new Error('topKAccuracy: the sample weights sum to zero, so the fraction is undefined');
    }
  }
  checkNoIndicators(yTrue, yScore, 'topKAccuracy', TOP_K_ADVICE, { yTrue: true, yPred: false });
  return tf.tidy(() => {
    const weight = sampleWeight === undefined ? null : weightTensor(sampleWeight);
    let hits: tf.Tensor;
    if (isBinaryScore(yScore)) {
      const binary = countBinaryTopK(yTrue, yScore, k, weight);
      hits = tf.where(tf.greater(tf.slice(binary, [2], [1]), 0), tf.slice(binary, [1], [1]), tf.slice(binary, [0], [1]));
      hits = tf.reshape(hits, []);
    } else {
      hits = countTopK(yTrue, yScore, k, weight);
    }
    if (options.normalize === false) return hits as tf.Scalar;
    return tf.div(tf.cast(hits, 'float32'), weight ? tf.sum(weight) : samples);
  });
}
