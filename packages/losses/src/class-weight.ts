import * as tf from '@tensorflow/tfjs-core';

/**
 * Checks a `classWeight` option (PyTorch's `weight=`: one non-negative weight per class, a rank-1
 * tensor of length `classes`) and returns it as float32, shaped to broadcast along `classAxis` of
 * an input of rank `rank`. The values are not read back (no synchronous read per call). Call inside
 * `tf.tidy`: the cast and reshape are new tensors.
 */
export function classWeights(
  lossName: string,
  classWeight: tf.Tensor,
  classes: number,
  classAxis: number,
  rank: number,
): tf.Tensor {
  if (classWeight.rank !== 1 || classWeight.shape[0] !== classes) {
    throw new Error(
      `${lossName}: classWeight shape [${classWeight.shape.join(', ')}] does not fit ${classes} classes; ` +
        `give one weight per class, shape [${classes}]`,
    );
  }
  const w = classWeight.dtype === 'float32' ? classWeight : tf.cast(classWeight, 'float32');
  return tf.reshape(w, Array.from({ length: rank }, (_, i) => (i === classAxis ? classes : 1)));
}

/**
 * Throws when `classWeight` and `sampleWeight` are both given: PyTorch's weighted mean divides by
 * the class weights alone and Keras's mean by the count, so their mix has no reference to match.
 * Fold the class weights into `sampleWeight` instead (`classWeight[label]` per sample).
 */
export function checkWeightsNotMixed(lossName: string, options: { classWeight?: unknown; sampleWeight?: unknown }): void {
  if (options.classWeight !== undefined && options.sampleWeight !== undefined) {
    throw new Error(
      `${lossName}: give classWeight or sampleWeight, not both; to combine them, multiply each ` +
        'sample weight by its class weight and pass only sampleWeight',
    );
  }
}
