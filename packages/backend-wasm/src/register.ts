import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { wasmAdamUpdate } from './adam-update.js';
import { registerFastBatchMatMul } from './batch-mat-mul.js';
import { registerWasmHostWriter } from './host-writer.js';
import { wasmSoftmaxCrossEntropy } from './softmax-cross-entropy.js';

/** The lab kernels this package implements for the 'wasm' backend. */
export const wasmKernelConfigs: readonly tf.KernelConfig[] = [wasmAdamUpdate, wasmSoftmaxCrossEntropy];

let registered = false;

/**
 * Registers lab's kernels for tfjs's 'wasm' backend: `LabAdamUpdate` and `LabSoftmaxCrossEntropy`
 * (@lab/core's contracts), the fast transposed `BatchMatMul`, and the writer that builds training
 * batches in the wasm heap. Importing this package calls it; it is idempotent, and a kernel some
 * other package already registered for wasm is left alone.
 */
export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  for (const config of wasmKernelConfigs) {
    if (tf.getKernel(config.kernelName, 'wasm') === undefined) tf.registerKernel(config);
  }
  registerFastBatchMatMul();
  registerWasmHostWriter();
}
