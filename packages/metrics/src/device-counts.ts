import * as tf from '@tensorflow/tfjs-core';
import { arrayToTensor, type LabelsInput } from './label-input.js';

/** A `[N, L]` input as int32 0/1 indicators: floats `p > threshold`, other dtypes `x != 0`. */
export function indicators(input: LabelsInput, threshold: number, name: string): tf.Tensor2D {
  return tf.tidy(() => {
    const x = input instanceof tf.Tensor ? input : arrayToTensor(input, name);
    const on = x.dtype === 'float32' ? tf.greater(x, threshold) : tf.notEqual(x, 0);
    return tf.cast(on, 'int32') as tf.Tensor2D;
  });
}

/**
 * Per-column counts of a multilabel batch as an int32 `[3, L]` tensor: true positives, predicted,
 * actual. Inputs are validated `[N, L]` pairs; the caller disposes the result.
 */
export function multilabelBatchCounts(yTrue: LabelsInput, yPred: LabelsInput, threshold: number): tf.Tensor2D {
  return tf.tidy(() => {
    const t = indicators(yTrue, threshold, 'yTrue');
    const p = indicators(yPred, threshold, 'yPred');
    return tf.stack([tf.sum(tf.mul(t, p), 0), tf.sum(p, 0), tf.sum(t, 0)]) as tf.Tensor2D;
  });
}

/**
 * The `[C, C]` int32 confusion matrix of int32 labels in `0..C-1` (row = true class), as one
 * matmul of one-hot matrices: exact while a batch has fewer than 2^24 samples. Labels outside the
 * range count nowhere, which the caller detects from the total. The caller disposes the result.
 */
export function confusionBatch(yTrue: tf.Tensor1D, yPred: tf.Tensor1D, classes: number): tf.Tensor2D {
  return tf.tidy(() => {
    const t = tf.cast(tf.oneHot(yTrue, classes), 'float32');
    const p = tf.cast(tf.oneHot(yPred, classes), 'float32');
    return tf.cast(tf.matMul(t, p, true, false), 'int32') as tf.Tensor2D;
  });
}
