import { checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import type { TaskOptions } from './classification-options.js';
import { indicators } from './device-counts.js';
import { asTensor, checkNoIndicators, indicatorFlags } from './indicator-check.js';
import type { LabelsInput } from './label-input.js';
import { TASK_OPTIONS } from './option-constraints.js';
import { checkMultilabelPair } from './read-counts.js';
import { resolveThreshold, toLabels } from './to-labels.js';

/**
 * Options of {@link accuracy} and {@link Accuracy}: `threshold` and `task` (see
 * {@link TaskOptions}); with `task: 'multilabel'` a sample counts only when all its labels are
 * right (scikit-learn's subset accuracy).
 */
export type AccuracyOptions = TaskOptions;

/** Validates a pair for accuracy from shapes and returns the number of samples. */
export function checkAccuracyPair(yTrue: LabelsInput, yPred: LabelsInput, options: AccuracyOptions, fn: string): number {
  const samples = checkPair(yTrue, yPred, fn);
  if (options.task === 'multilabel') checkMultilabelPair(yTrue, yPred, fn);
  return samples;
}

/**
 * How many samples of an already validated pair have the same label, as an int32 scalar (exact
 * up to 2^31 - 1, where a float32 count would stop counting at 2^24). The caller disposes it.
 */
export function countCorrect(yTrue: LabelsInput, yPred: LabelsInput, options: AccuracyOptions): tf.Scalar {
  return tf.tidy(() => {
    if (options.task === 'multilabel') {
      const threshold = resolveThreshold(options.threshold);
      const rowsEqual = tf.all(tf.equal(indicators(yTrue, threshold, 'yTrue'), indicators(yPred, threshold, 'yPred')), 1);
      return tf.sum(tf.cast(rowsEqual, 'int32'));
    }
    const labelOptions = { threshold: options.threshold };
    const matches = tf.equal(toLabels(yTrue, labelOptions, 'yTrue'), toLabels(yPred, labelOptions, 'yPred'));
    return tf.sum(tf.cast(matches, 'int32'));
  });
}

/**
 * {@link countCorrect} and the pair's two indicator flags (see `indicatorFlags`; 0 for
 * `task: 'multilabel'`), as an int32 `[3]` tensor the caller disposes. Nothing is read.
 */
export function countCorrectAndFlags(yTrue: LabelsInput, yPred: LabelsInput, options: AccuracyOptions, checkIndicators = true): tf.Tensor1D {
  return tf.tidy(() => {
    const t = asTensor(yTrue, 'yTrue');
    const p = asTensor(yPred, 'yPred');
    const flags = options.task === 'multilabel' || !checkIndicators ? tf.zeros([2], 'int32') : indicatorFlags(t, p);
    return tf.concat([tf.reshape(countCorrect(t, p, options), [1]), flags]) as tf.Tensor1D;
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
 * correct / total (`tf.mean` would add N rounded terms instead).
 *
 * @example
 * accuracy([0, 1, 2, 2], tf.tensor2d([[0.9, 0.1, 0], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0, 0.3, 0.7]]))
 * // → 0.75
 */
export function accuracy(yTrue: LabelsInput, yPred: LabelsInput, options: AccuracyOptions = {}): tf.Scalar {
  checkOptions('accuracy', options, TASK_OPTIONS);
  resolveThreshold(options.threshold, 'accuracy');
  const samples = checkAccuracyPair(yTrue, yPred, options, 'accuracy');
  if (options.task !== 'multilabel') checkNoIndicators(yTrue, yPred, 'accuracy');
  return tf.tidy(() => tf.div(tf.cast(countCorrect(yTrue, yPred, options), 'float32'), samples));
}
