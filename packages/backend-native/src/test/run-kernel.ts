import * as tf from '@tensorflow/tfjs-core';

/** Runs a named kernel on the current backend and returns its outputs as a list. */
export function runKernel(name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap = {}): tf.Tensor[] {
  const out = tf.engine().runKernel(name, inputs, attrs);
  return Array.isArray(out) ? out : [out];
}
