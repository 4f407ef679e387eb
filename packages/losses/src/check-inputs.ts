import * as tf from '@tensorflow/tfjs-core';

/**
 * Validates a loss's two inputs and returns them as float32.
 *
 * Shapes must be equal (no broadcasting: a `[32, 10]` target against `[32, 1]` predictions is
 * almost always a bug, so it is an error that names both shapes). Rank 0 is refused because every
 * loss here reduces over an axis. Integer targets (one-hot labels) are cast, since tfjs refuses to
 * multiply int32 by float32. Call inside `tf.tidy`: the casts are new tensors.
 */
export function checkInputs(
  lossName: string,
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
): [tf.Tensor, tf.Tensor] {
  if (!tf.util.arraysEqual(yTrue.shape, yPred.shape)) {
    throw new Error(
      `${lossName}: yTrue shape [${yTrue.shape.join(', ')}] and yPred shape ` +
        `[${yPred.shape.join(', ')}] differ; they must be equal`,
    );
  }
  if (yTrue.rank === 0) {
    throw new Error(`${lossName}: inputs are scalars; they need at least one axis to reduce over`);
  }
  return [asFloat(yTrue), asFloat(yPred)];
}

/**
 * Resolves a possibly negative `axis` against `rank`, Python style (-1 is the last axis), and
 * throws a message naming the option when it is out of range or not an integer.
 */
export function resolveAxis(lossName: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new Error(`${lossName}: axis ${axis} is out of range for inputs of rank ${rank}`);
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * Throws unless `value` is a number in [0, 1]; `labelSmoothing` of a cross-entropy. Configs pass
 * plain values, so this is checked at run time.
 */
export function checkSmoothing(lossName: string, value: number): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new Error(`${lossName}: labelSmoothing must be a number in [0, 1]; got ${String(value)}`);
  }
}

/** `x` as float32, cast only when it is not already (a cast is a kernel call). */
export function asFloat(x: tf.Tensor): tf.Tensor {
  return x.dtype === 'float32' ? x : tf.cast(x, 'float32');
}
