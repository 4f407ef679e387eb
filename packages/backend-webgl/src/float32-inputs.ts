import type * as tf from '@tensorflow/tfjs-core';

/** A kernel's input `name`, which must be present and float32 (the webgl programs read float textures). */
export function requireInput(kernel: { readonly name: string }, input: tf.TensorInfo | undefined, name: string): tf.TensorInfo {
  if (input === undefined) throw new Error(`${kernel.name}: the '${name}' input is missing`);
  if (input.dtype !== 'float32') throw new Error(`${kernel.name}: '${name}' must be float32, got ${input.dtype}`);
  return input;
}

/** Throws unless `input` has exactly `shape` (the element-wise programs read inputs at the output's coordinates). */
export function checkShape(kernel: { readonly name: string }, name: string, input: tf.TensorInfo, shape: readonly number[], like: string): void {
  if (input.shape.length !== shape.length || input.shape.some((d, i) => d !== shape[i])) {
    throw new Error(`${kernel.name}: '${name}' has shape [${input.shape.join(', ')}], '${like}' [${shape.join(', ')}]; they must be equal`);
  }
}
