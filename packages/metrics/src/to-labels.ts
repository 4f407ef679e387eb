import { any, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { arrayToTensor, checkLabelShape, type LabelsInput } from './label-input.js';

/** Options shared by the classification metrics. */
export interface LabelOptions {
  /**
   * Binary probabilities strictly above this become class 1, as in Keras' `binary_accuracy` and
   * torchmetrics (`p > threshold`). A probability in `[0, 1)`; default 0.5.
   */
  threshold?: number;
}

/** Returns the threshold option, validated (`owner`, when given, starts the message); the default is 0.5. */
export function resolveThreshold(threshold: number | undefined, owner?: string): number {
  const t = threshold ?? 0.5;
  // Below 0 or at 1 and above, the labels 0 and 1 themselves would flip (see toLabels).
  if (typeof t !== 'number' || !(t >= 0 && t < 1)) {
    throw new Error(`${owner ? `${owner}: ` : ''}threshold must be a number in [0, 1), got ${String(threshold)}`);
  }
  return t;
}

/**
 * Turns targets or predictions into a 1-D int32 tensor of class labels, without reading data:
 *
 * - `[N, C]` with C > 1 (one-hot targets, probabilities, logits): argmax over the last axis;
 * - int32 / bool, 1-D or `[N, 1]`: the labels themselves;
 * - float32, 1-D or `[N, 1]`: values in `[0, 1]` are binary probabilities, `p > threshold` → 1;
 *   other values are labels stored as floats (e.g. `tf.tensor1d([3, 7])`), cast to int32 as
 *   `tf.cast` does (truncating). The integer labels 0 and 1 read the same either way, so float
 *   labels need no cast and no flag. Tensor values are not checked, as that needs a read: NaN
 *   becomes whatever the backend's cast gives (0 on cpu). JS arrays are checked.
 *
 * A multilabel indicator matrix (`[N, L]` of 0/1 with several 1s in a row) is read as argmax too:
 * the metrics check for it, this conversion does not (that needs a read).
 *
 * `name` (e.g. `yTrue`) appears in error messages. The input is not disposed; the returned
 * tensor is new and the caller disposes it.
 */
export function toLabels(input: LabelsInput, options: LabelOptions = {}, name = 'labels'): tf.Tensor1D {
  checkOptions('toLabels', options, { threshold: any() });
  const threshold = resolveThreshold(options.threshold);
  checkLabelShape(input, name);
  return tf.tidy(() => {
    const x = input instanceof tf.Tensor ? input : arrayToTensor(input, name);
    if (x.rank === 2 && x.shape[1] !== 1) return tf.argMax<tf.Tensor1D>(x, 1);
    const flat = tf.reshape<tf.Rank.R1>(x, [-1]);
    if (flat.dtype !== 'float32') return tf.cast(flat, 'int32');
    const isProbability = tf.logicalAnd(tf.greaterEqual(flat, 0), tf.lessEqual(flat, 1));
    const thresholded = tf.cast(tf.greater<tf.Tensor1D>(flat, threshold), 'float32');
    return tf.cast(tf.where(isProbability, thresholded, flat), 'int32');
  });
}
