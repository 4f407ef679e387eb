import * as tf from '@tensorflow/tfjs-core';

/**
 * Runs `fn`, disposes whatever tensors it returns, and returns how many tensors are left over
 * that were not there before: 0 when `fn` freed all its intermediates.
 */
export function leaked(fn: () => tf.TensorContainer): number {
  const before = tf.memory().numTensors;
  tf.dispose(fn());
  return tf.memory().numTensors - before;
}
