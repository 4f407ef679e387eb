import * as tf from '@tensorflow/tfjs-core';
import { kernelContract } from '../kernel-contract.js';

/** Inputs of {@link softmaxCrossEntropy}: both `[rows, classes]`, float32. */
export type SoftmaxCrossEntropyInputs = { logits: tf.TensorInfo; labels: tf.TensorInfo };

/** Attributes of {@link softmaxCrossEntropy}. */
export interface SoftmaxCrossEntropyAttrs {
  /** The upstream gradient of each row's loss (`1 / rows` for the mean). Default 1. */
  scale?: number;
}

/**
 * `LabSoftmaxCrossEntropy`: categorical cross-entropy from logits and its gradient in one call.
 * Outputs `[loss, dLogits]`: per row, `loss = logsumexp(z) · Σt − Σ t·z` (`[rows]`) and
 * `dLogits = scale · (softmax(z) · Σt − t)` (`[rows, classes]`). Backends max-shift the logits.
 */
export const softmaxCrossEntropy = kernelContract<SoftmaxCrossEntropyInputs, SoftmaxCrossEntropyAttrs>({
  name: 'LabSoftmaxCrossEntropy',
  outputs: ['loss', 'dLogits'],
  reference: ({ logits, labels }, { scale = 1 }) => {
    checkSoftmaxCrossEntropyShapes(logits, labels);
    return tf.tidy(() => {
      const labelSum = tf.sum(labels, -1, true);
      const lse = tf.logSumExp(logits, -1, true);
      const loss = tf.reshape(tf.sub(tf.mul(lse, labelSum), tf.sum(tf.mul(labels, logits), -1, true)), [logits.shape[0]!]);
      const grad = tf.mul(tf.sub(tf.mul(tf.softmax(logits), labelSum), labels), tf.scalar(scale));
      return [loss, grad];
    });
  },
});

/** Throws, naming the kernel, unless logits and labels are float32 and both `[rows, classes]`. */
export function checkSoftmaxCrossEntropyShapes(logits: tf.TensorInfo, labels: tf.TensorInfo): void {
  if (logits.dtype !== 'float32' || labels.dtype !== 'float32') throw new Error(`${softmaxCrossEntropy.name}: needs float32 'logits' and 'labels'`);
  if (logits.shape.length !== 2 || !tf.util.arraysEqual(logits.shape, labels.shape)) {
    throw new Error(
      `${softmaxCrossEntropy.name}: logits [${logits.shape.join(', ')}] and labels [${labels.shape.join(', ')}] must both be [rows, classes]`,
    );
  }
}
