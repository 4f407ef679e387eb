import { type HostWriter, registerHostWriter } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import type { WasmBackend } from './wasm-backend.js';

/**
 * Float32 tensors built in JavaScript (fit's batches) go straight into the wasm heap: one
 * `makeOutput`, then its heap view is filled. No JavaScript array, no second copy.
 */
const wasmHostWriter: HostWriter = (shape) => {
  const backend = tf.findBackend('wasm') as unknown as WasmBackend;
  const info = backend.makeOutput(shape, 'float32');
  // Taken after the allocation, which may grow (and so move) the heap; filled before anything else runs.
  return { values: backend.typedArrayFromHeap(info) as Float32Array, tensor: () => tf.engine().makeTensorFromTensorInfo(info) };
};

/** Registers {@link wasmHostWriter} for the 'wasm' backend (see @lab/core's `hostTensor`). */
export function registerWasmHostWriter(): void {
  registerHostWriter('wasm', wasmHostWriter);
}
