import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { wasmAdamUpdate } from './adam-update.js';
import { registerFastBatchMatMul } from './batch-mat-mul.js';
import { wasmConv2DBackpropFilter } from './conv2d-backprop-filter.js';
import { wasmConv2DBackpropInput } from './conv2d-backprop-input.js';
import { wasmDepthwiseConv2dNativeBackpropFilter, wasmDepthwiseConv2dNativeBackpropInput } from './depthwise-backprop.js';
import { registerWasmHostWriter } from './host-writer.js';
import { wasmIdentity } from './identity.js';
import { wasmMaxPoolGrad } from './max-pool-grad.js';
import { wasmSoftmaxCrossEntropy } from './softmax-cross-entropy.js';

/** The lab kernels this package implements for the 'wasm' backend. */
export const wasmKernelConfigs: readonly tf.KernelConfig[] = [wasmAdamUpdate, wasmSoftmaxCrossEntropy];

/**
 * tfjs kernels that tfjs-backend-wasm 4.22 lacks and training a convnet needs, under tfjs's own
 * names so that plain tf ops and tfjs's autodiff find them: `Conv2DBackpropFilter` (conv2d, fused
 * conv2d), `DepthwiseConv2dNativeBackpropFilter` and `DepthwiseConv2dNativeBackpropInput`
 * (depthwise and separable conv2d). Registered where no other package registered them first.
 */
export const wasmMissingKernelConfigs: readonly tf.KernelConfig[] = [
  wasmConv2DBackpropFilter,
  wasmDepthwiseConv2dNativeBackpropFilter,
  wasmDepthwiseConv2dNativeBackpropInput,
];

/**
 * tfjs kernels of tfjs-backend-wasm 4.22 that training needs done differently, replacing the
 * stock ones: `MaxPoolGrad` (wrong for windows whose values are all negative), `Identity` (copied
 * every tensor autodiff keeps, and made `customGrad` ops fail tfjs's leak check) and
 * `Conv2DBackpropInput` (a scalar loop; now XNNPACK's matmul and col2im).
 */
export const wasmReplacementKernelConfigs: readonly tf.KernelConfig[] = [wasmMaxPoolGrad, wasmIdentity, wasmConv2DBackpropInput];

let registered = false;

/**
 * Registers lab's kernels for tfjs's 'wasm' backend: `LabAdamUpdate` and `LabSoftmaxCrossEntropy`
 * (@lab/core's contracts), the missing training kernels ({@link wasmMissingKernelConfigs}), the
 * corrected ones ({@link wasmReplacementKernelConfigs}, which replace the stock kernels), the fast
 * transposed `BatchMatMul`, and the writer that builds training batches in the wasm heap.
 * Importing this package calls it; it is idempotent, and a lab or missing kernel some other
 * package already registered for wasm is left alone.
 */
export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  for (const config of [...wasmKernelConfigs, ...wasmMissingKernelConfigs]) {
    if (tf.getKernel(config.kernelName, 'wasm') === undefined) tf.registerKernel(config);
  }
  for (const config of wasmReplacementKernelConfigs) {
    if (tf.getKernel(config.kernelName, 'wasm') !== undefined) tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
  }
  registerFastBatchMatMul();
  registerWasmHostWriter();
}
