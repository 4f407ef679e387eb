import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import type { TaskOptions } from './classification-options.js';
import { indicators } from './device-counts.js';
import type { LabelsInput } from './label-input.js';
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
    const matches = tf.equal(toLabels(yTrue, options, 'yTrue'), toLabels(yPred, options, 'yPred'));
    return tf.sum(tf.cast(matches, 'int32'));
  });
}

/**
 * Fraction of samples whose predicted class equals the true class, in [0, 1], as a float32
 * scalar; the caller disposes it. Each side may be integer labels, one-hot targets,
 * probabilities or logits (`[N, C]`, argmax), or binary probabilities (1-D or `[N, 1]`,
 * `p > threshold`, default 0.5): see {@link toLabels}; with `task: 'multilabel'`, `[N, L]`
 * indicators or probabilities, all labels of a sample right (subset accuracy). Nothing is read
 * back from the device. Throws, naming both shapes, when the sample counts differ or are zero.
 * Inputs are not disposed.
 *
 * The count is summed as integers and divided once, so the result is the float32 nearest to
 * correct / total (`tf.mean` would add N rounded terms instead).
 *
 * @example
 * accuracy([0, 1, 2, 2], tf.tensor2d([[0.9, 0.1, 0], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0, 0.3, 0.7]]))
 * // → 0.75
 */
export function accuracy(yTrue: LabelsInput, yPred: LabelsInput, options: AccuracyOptions = {}): tf.Scalar {
  const samples = checkAccuracyPair(yTrue, yPred, options, 'accuracy');
  return tf.tidy(() => tf.div(tf.cast(countCorrect(yTrue, yPred, options), 'float32'), samples));
}
