import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import { webglAdamUpdate } from './adam-update.js';
import { webglDenseBackward } from './dense-backward.js';
import { webglSgdUpdate } from './sgd-update.js';
import { webglSoftmaxCrossEntropy } from './softmax-cross-entropy.js';

/** The lab kernels this package implements for the 'webgl' backend (@lab/core's contracts). */
export const webglKernelConfigs: readonly tf.KernelConfig[] = [webglAdamUpdate, webglDenseBackward, webglSgdUpdate, webglSoftmaxCrossEntropy];

let registered = false;

/**
 * Registers lab's kernels for tfjs's 'webgl' backend: `LabAdamUpdate`, `LabSgdUpdate`,
 * `LabDenseBackward` and `LabSoftmaxCrossEntropy` (@lab/core's contracts), so that the lab
 * libraries take their fused paths there: Adam and SGD one kernel per variable (@lab/optim), a
 * Dense layer's backward pass and softmax cross-entropy one kernel each (@lab/models). On a
 * software GPU (SwiftShader) each WebGL program costs ≈ 0.1–0.2 ms however small its tensor, so a
 * training step of about 40 programs instead of about 150 trains faster. Importing this package
 * calls it; it is idempotent, initialises no backend, and a kernel some other package already
 * registered for webgl is left alone.
 */
export function registerWebGLKernels(): void {
  if (registered) return;
  registered = true;
  for (const config of webglKernelConfigs) {
    if (tf.getKernel(config.kernelName, 'webgl') === undefined) tf.registerKernel(config);
  }
}
