import * as tf from '@tensorflow/tfjs-core';

/**
 * The int32 `[2]` flags of a pair, 1 where yTrue's (then yPred's) values hold a NaN (float32 only;
 * other dtypes cannot), computed on the device. The caller disposes the result.
 */
export function nanFlags(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const flag = (x: tf.Tensor) => (x.dtype === 'float32' && x.size > 0 ? tf.cast(tf.any(tf.isNaN(x)), 'int32') : tf.scalar(0, 'int32'));
    return tf.stack([flag(yTrue), flag(yPred)]) as tf.Tensor1D;
  });
}

/** Throws when a flag (as {@link nanFlags} gives them, read back) is set, naming the side. */
export function throwIfNaN(flags: ArrayLike<number>, fn: string, where = ''): void {
  (['yTrue', 'yPred'] as const).forEach((name, i) => {
    if (flags[i]! > 0) throw new Error(`${fn}: ${name} ${where}holds NaN; labels and probabilities must be finite`);
  });
}
