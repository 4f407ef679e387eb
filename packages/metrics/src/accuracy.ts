import { boolean, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import type { TaskOptions } from './classification-options.js';
import { indicators } from './device-counts.js';
import { asTensor, checkNoIndicators, indicatorFlags } from './indicator-check.js';
import type { LabelsInput } from './label-input.js';
import { TASK_OPTIONS } from './option-constraints.js';
import { checkMultilabelPair } from './read-counts.js';
import { checkSampleWeightShape, checkFiniteWeights, SAMPLE_WEIGHT_OPTION, type SampleWeight, weightTensor } from './sample-weight.js';
import { resolveThreshold, toLabels } from './to-labels.js';

/**
 * Options of {@link accuracy} and {@link Accuracy}: `threshold` and `task` (see
 * {@link TaskOptions}); with `task: 'multilabel'` a sample counts only when all its labels are
 * right (scikit-learn's subset accuracy).
 */
export interface AccuracyOptions extends TaskOptions {
  /** false gives the number (summed weights) of correct samples instead of the fraction. Default true. */
  normalize?: boolean;
}

/** Options of the functional {@link accuracy}: {@link AccuracyOptions} and `sampleWeight`. */
export interface WeightedAccuracyOptions extends AccuracyOptions {
  /** One weight per sample (scikit-learn's `sample_weight`); default all 1. */
  sampleWeight?: SampleWeight;
}

/** The constraints of {@link AccuracyOptions}. */
export const ACCURACY_OPTIONS = { ...TASK_OPTIONS, normalize: boolean() };

/** Validates a pair for accuracy from shapes and returns the number of samples. */
export function checkAccuracyPair(yTrue: LabelsInput, yPred: LabelsInput, options: AccuracyOptions, fn: string): number {
  const samples = checkPair(yTrue, yPred, fn);
  if (options.task === 'multilabel') checkMultilabelPair(yTrue, yPred, fn);
  return samples;
}

/**
 * How many samples of an already validated pair have the same label, as an int32 scalar (exact
 * up to 2^31 - 1, where a float32 count would stop counting at 2^24), or with `weight` (float32
 * `[N]`) their summed weights as a float32 scalar. The caller disposes it.
 */
export function countCorrect(yTrue: LabelsInput, yPred: LabelsInput, options: AccuracyOptions, weight: tf.Tensor1D | null = null): tf.Scalar {
  return tf.tidy(() => {
    let matches: tf.Tensor;
    if (options.task === 'multilabel') {
      const threshold = resolveThreshold(options.threshold);
      matches = tf.all(tf.equal(indicators(yTrue, threshold, 'yTrue'), indicators(yPred, threshold, 'yPred')), 1);
    } else {
      const labelOptions = { threshold: options.threshold };
      matches = tf.equal(toLabels(yTrue, labelOptions, 'yTrue'), toLabels(yPred, labelOptions, 'yPred'));
    }
    return weight ? tf.sum(tf.mul(tf.cast(matches, 'float32'), weight)) : tf.sum(tf.cast(matches, 'int32'));
  });
}

/**
 * {@link countCorrect}, the pair's two indicator flags (see `indicatorFlags`; 0 for
 * `task: 'multilabel'`) and the sample count (or summed `weight`), as a `[4]` tensor (int32
 * without weights, else float32) the caller disposes. Nothing is read.
 */
export function countCorrectAndFlags(
  yTrue: LabelsInput,
  yPred: LabelsInput,
  options: AccuracyOptions,
  checkIndicators = true,
  weight: tf.Tensor1D | null = null,
): tf.Tensor1D {
  return tf.tidy(() => {
    const t = asTensor(yTrue, 'yTrue');
    const p = asTensor(yPred, 'yPred');
    const flags = options.task === 'multilabel' || !checkIndicators ? tf.zeros([2], 'int32') : indicatorFlags(t, p);
    const total = weight ? tf.sum(weight) : tf.scalar(t.shape[0]!, 'int32');
    const dtype = weight ? 'float32' : 'int32';
    return tf.concat([tf.reshape(countCorrect(t, p, options, weight), [1]), tf.cast(flags, dtype), tf.reshape(tf.cast(total, dtype), [1])]) as tf.Tensor1D;
  });
}

/**
 * Fraction of samples whose predicted class equals the true class, in [0, 1], as a float32
 * scalar; the caller disposes it. Each side may be integer labels, one-hot targets,
 * probabilities or logits (`[N, C]`, argmax), or binary probabilities (1-D or `[N, 1]`,
 * `p > threshold`, default 0.5): see {@link toLabels}; with `task: 'multilabel'`, `[N, L]`
 * indicators or probabilities, all labels of a sample right (subset accuracy). Throws, naming
 * both shapes, when the sample counts differ or are zero. A multilabel indicator matrix (`[N, L]`
 * of 0/1 with a row that has no 1 or several) on either side without `task: 'multilabel'` is an
 * error, not an argmax: finding one reads two flags back, synchronously, when a side is `[N, C]`
 * with C > 1; otherwise nothing is read back from the device. Inputs are not disposed.
 *
 * The count is summed as integers and divided once, so the result is the float32 nearest to
 * correct / total (`tf.mean` would add N rounded terms instead). `normalize: false` gives the
 * count itself (int32). With `sampleWeight`, scikit-learn's weighted accuracy: Σ w·correct / Σ w
 * in float32 (the weighted count with `normalize: false`); weights given as a JS array that sum to
 * 0 are an error, as in scikit-learn; a weight tensor summing to 0 gives NaN (checking it would
 * need a read).
 *
 * @example
 * accuracy([0, 1, 2, 2], tf.tensor2d([[0.9, 0.1, 0], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0, 0.3, 0.7]]))
 * // → 0.75
 */
export function accuracy(yTrue: LabelsInput, yPred: LabelsInput, options: WeightedAccuracyOptions = {}): tf.Scalar {
  checkOptions('accuracy', options, { ...ACCURACY_OPTIONS, ...SAMPLE_WEIGHT_OPTION });
  resolveThreshold(options.threshold, 'accuracy');
  const samples = checkAccuracyPair(yTrue, yPred, options, 'accuracy');
  const sampleWeight = options.sampleWeight;
  checkSampleWeightShape(sampleWeight, samples, 'accuracy');
  if (sampleWeight !== undefined && !(sampleWeight instanceof tf.Tensor)) {
    checkFiniteWeights(sampleWeight, 'accuracy');
    if (options.normalize !== false && Array.from(sampleWeight).reduce((a, b) => a + b, 0) === 0) {
      throw new Error('accuracy: the sample weights sum to zero, so the fraction is undefined');
    }
  }
  if (options.task !== 'multilabel') checkNoIndicators(yTrue, yPred, 'accuracy');
  return tf.tidy(() => {
    const weight = sampleWeight === undefined ? null : weightTensor(sampleWeight);
    const correct = countCorrect(yTrue, yPred, options, weight);
    if (options.normalize === false) return correct;
    return tf.div(tf.cast(correct, 'float32'), weight ? tf.sum(weight) : samples);
  });
}
