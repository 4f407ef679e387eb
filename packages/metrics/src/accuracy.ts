import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import type { LabelsInput } from './label-input.js';
import { type LabelOptions, toLabels } from './to-labels.js';

/** Options of {@link accuracy} and {@link Accuracy}: see {@link LabelOptions}. */
export type AccuracyOptions = LabelOptions;

/**
 * How many samples of an already validated pair have the same label, as an int32 scalar (exact
 * up to 2^31 - 1, where a float32 count would stop counting at 2^24). The caller disposes it.
 */
export function countCorrect(yTrue: LabelsInput, yPred: LabelsInput, options: LabelOptions): tf.Scalar {
  return tf.tidy(() => {
    const matches = tf.equal(toLabels(yTrue, options, 'yTrue'), toLabels(yPred, options, 'yPred'));
    return tf.sum(tf.cast(matches, 'int32'));
  });
}

/**
 * Fraction of samples whose predicted class equals the true class, in [0, 1], as a float32
 * scalar; the caller disposes it. Each side may be integer labels, one-hot targets,
 * probabilities or logits (`[N, C]`, argmax), or binary probabilities (1-D or `[N, 1]`,
 * `p > threshold`, default 0.5): see {@link toLabels}. Nothing is read back from the device.
 * Throws, naming both shapes, when the sample counts differ or are zero. Inputs are not disposed.
 *
 * The count is summed as integers and divided once, so the result is the float32 nearest to
 * correct / total (`tf.mean` would add N rounded terms instead).
 *
 * @example
 * accuracy([0, 1, 2, 2], tf.tensor2d([[0.9, 0.1, 0], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0, 0.3, 0.7]]))
 * // → 0.75
 */
export function accuracy(yTrue: LabelsInput, yPred: LabelsInput, options: AccuracyOptions = {}): tf.Scalar {
  const samples = checkPair(yTrue, yPred, 'accuracy');
  return tf.tidy(() => tf.div(tf.cast(countCorrect(yTrue, yPred, options), 'float32'), samples));
}
