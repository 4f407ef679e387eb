import type * as tf from '@tensorflow/tfjs-core';

/** The kernel's inputs, attrs and backend, typed as the fused-kernel contract has them. */
export function requireInput(kernel: string, inputs: tf.NamedTensorInfoMap, name: string): tf.TensorInfo {
  const input = inputs[name];
  if (input === undefined) throw new Error(`${kernel}: the '${name}' input is missing`);
  if (input.dtype !== 'float32') throw new Error(`${kernel}: '${name}' must be float32, got ${input.dtype}`);
  return input;
}

/** Throws unless `input` has exactly `shape` (the element-wise programs read inputs at the output's coordinates). */
export function checkShape(kernel: string, name: string, input: tf.TensorInfo, shape: readonly number[], like: string): void {
  if (input.shape.length !== shape.length || input.shape.some((d, i) => d !== shape[i])) {
    throw new Error(`${kernel}: '${name}' has shape [${input.shape.join(', ')}], '${like}' [${shape.join(', ')}]; they must be equal`);
  }
}
