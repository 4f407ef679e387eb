import * as tf from '@tensorflow/tfjs-core';
import { Random } from '@lab/core';

/**
 * A small separable classification problem for tests: `n` samples of shape [4, 4, 1] in
 * `classes` Gaussian blobs, with one-hot targets. The caller disposes both tensors.
 */
export function blobs(n: number, classes: number, seed: number): { x: tf.Tensor4D; y: tf.Tensor2D; labels: number[] } {
  const random = new Random(seed);
  const centres = Array.from({ length: classes }, () => Array.from({ length: 16 }, () => random.next() * 2 - 1));
  const labels: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    labels.push(c);
    for (const mu of centres[c]!) values.push(mu + (random.next() - 0.5) * 0.5);
  }
  const x = tf.tensor4d(values, [n, 4, 4, 1]);
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32') as tf.Tensor2D);
  return { x, y, labels };
}
