// @lab/backend-wasm: lab's kernels for tfjs's wasm backend. Importing it imports
// @tensorflow/tfjs-backend-wasm (which registers the 'wasm' backend) and registers lab's kernels.
import { registerWasmKernels } from './register.js';

registerWasmKernels();

export { wasmAdamUpdate } from './adam-update.js';
export { registerFastBatchMatMul } from './batch-mat-mul.js';
export { registerWasmHostWriter } from './host-writer.js';
export { registerWasmKernels, wasmKernelConfigs } from './register.js';
export { wasmSoftmaxCrossEntropy } from './softmax-cross-entropy.js';
export type { WasmBackend } from './wasm-backend.js';
