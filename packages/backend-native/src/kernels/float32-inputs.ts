import type * as tf from '@tensorflow/tfjs-core';
import type { NativeBackend } from '../native-backend.js';

/** The kernel arguments tfjs passes, narrowed to what the native kernels read. */
export interface KernelArgs<Attrs> {
  inputs: Record<string, tf.TensorInfo | undefined>;
  backend: NativeBackend;
  attrs: Attrs;
}

/** Narrows tfjs's untyped kernel arguments; the attrs type is the kernel's documented contract. */
export function kernelArgs<Attrs>(args: Parameters<tf.KernelFunc>[0]): KernelArgs<Attrs> {
  return args as unknown as KernelArgs<Attrs>;
}

/** The named input, which must exist and be float32; the error names the kernel and input. */
export function requireInput(kernel: string, inputs: Record<string, tf.TensorInfo | undefined>, name: string): tf.TensorInfo {
  const t = inputs[name];
  if (t === undefined) throw new Error(`${kernel}: missing input '${name}'`);
  if (t.dtype !== 'float32') throw new Error(`${kernel}: input '${name}' must be float32, got ${t.dtype}`);
  return t;
}

/** Throws unless `t` has exactly `size` elements. */
export function checkSize(kernel: string, name: string, t: tf.TensorInfo, size: number, like: string): void {
  const n = t.shape.reduce((p, d) => p * d, 1);
  if (n !== size) throw new Error(`${kernel}: input '${name}' has shape [${t.shape.join(', ')}], expected the size of ${like} (${size})`);
}

/**
 * Where an optimizer kernel writes the new values of `input`: over `input` itself when the kernel
 * was asked for an update in place and the backend allows it (see `NativeBackend.canUpdateInPlace`),
 * else a new array. `output` turns the array into the kernel's output.
 */
export function updateTarget(
  backend: NativeBackend,
  input: tf.TensorInfo,
  inPlace: boolean | undefined,
  name: string,
): { values: Float32Array; output: () => tf.TensorInfo } {
  if (inPlace === true && backend.canUpdateInPlace(input)) {
    return { values: backend.float32(input, name), output: () => backend.reuse(input) };
  }
  const values = backend.allocate(input.shape.reduce((p, d) => p * d, 1));
  return { values, output: () => backend.makeTensorInfo(input.shape, 'float32', values) };
}
