// @lab/backend-wasm: lab's kernels for tfjs's wasm backend. Importing it imports
// @tensorflow/tfjs-backend-wasm (which registers the 'wasm' backend) and registers lab's kernels.
import { registerWasmKernels } from './register.js';

registerWasmKernels();

export { wasmAdamUpdate } from './adam-update.js';
export { registerFastBatchMatMul } from './batch-mat-mul.js';
export { wasmConv2DBackpropFilter } from './conv2d-backprop-filter.js';
export { wasmConv2DBackpropInput } from './conv2d-backprop-input.js';
export { wasmDepthwiseConv2dNativeBackpropFilter, wasmDepthwiseConv2dNativeBackpropInput } from './depthwise-backprop.js';
export { registerWasmHostWriter } from './host-writer.js';
export { wasmIdentity } from './identity.js';
export { wasmMaxPoolGrad } from './max-pool-grad.js';
export { registerWasmKernels, wasmKernelConfigs, wasmMissingKernelConfigs, wasmReplacementKernelConfigs } from './register.js';
export { wasmSoftmaxCrossEntropy } from './softmax-cross-entropy.js';
export type { WasmBackend } from './wasm-backend.js';
