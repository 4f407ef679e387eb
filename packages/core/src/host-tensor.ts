import * as tf from '@tensorflow/tfjs-core';

/**
 * Where a float32 tensor of `size` elements is written from JavaScript, for a backend that can
 * offer its own memory: `values` to fill, then `tensor()` once to hand it over.
 */
export type HostWriter = (shape: number[], size: number) => { values: Float32Array; tensor: () => tf.Tensor };

// On the global object, as tfjs keeps its registries, so that two copies of this package agree.
const key = Symbol.for('@lab/core/host-writers');
const global = globalThis as Record<symbol, unknown>;
if (!(global[key] instanceof Map)) global[key] = new Map<string, HostWriter>();
const writers = global[key] as Map<string, HostWriter>;

/**
 * Lets the backend `backendName` take float32 tensors built in JavaScript (training batches)
 * straight into its memory: the wasm heap, or the native backend's recycled arrays. Called by
 * backend packages when they register; a later call for the same backend replaces the writer.
 */
export function registerHostWriter(backendName: string, writer: HostWriter): void {
  writers.set(backendName, writer);
}

/**
 * A tensor of `shape` and `dtype` to be filled from JavaScript: `values` (in the active backend's
 * memory where it registered a {@link HostWriter}, else a new array) and `tensor()`, to be called
 * once after filling and before anything else runs on the backend (the wasm heap may move). The
 * caller owns the tensor.
 */
export function hostTensor(
  shape: number[],
  dtype: tf.DataType,
  Ctor: new (n: number) => tf.TypedArray = Float32Array,
): { values: tf.TypedArray; tensor: () => tf.Tensor } {
  const size = shape.reduce((a, b) => a * b, 1);
  const writer = dtype === 'float32' ? writers.get(tf.getBackend()) : undefined;
  if (writer) return writer(shape, size);
  const values = new Ctor(size);
  return { values, tensor: () => tf.tensor(values, shape, dtype) };
}
