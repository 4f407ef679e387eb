import * as tf from '@tensorflow/tfjs-core';
import { ADAM_UPDATE, adamUpdateWebGL } from './adam-update-webgl.js';
import { DENSE_BACKWARD, denseBackwardWebGL } from './dense-backward-webgl.js';
import { SGD_UPDATE, sgdUpdateWebGL } from './sgd-update-webgl.js';
import { SOFTMAX_CROSS_ENTROPY, softmaxCrossEntropyWebGL } from './softmax-cross-entropy-webgl.js';

/**
 * Registers lab's fused training kernels for the `webgl` backend, so that the @lab packages take
 * their fused paths there as on @lab/backend-native ('native'): Adam and SGD one kernel per
 * variable (@lab/optim), a Dense layer's backward pass and softmax cross-entropy one kernel each
 * (@lab/models). On a software GPU (SwiftShader) each WebGL program costs ≈ 0.1–0.2 ms however
 * small its tensor, so a step of about 40 programs instead of about 150 trains faster. Idempotent.
 */
export function registerWebGLKernels(): void {
  for (const [kernelName, kernelFunc] of [
    [ADAM_UPDATE, adamUpdateWebGL],
    [SGD_UPDATE, sgdUpdateWebGL],
    [DENSE_BACKWARD, denseBackwardWebGL],
    [SOFTMAX_CROSS_ENTROPY, softmaxCrossEntropyWebGL],
  ] as const) {
    if (tf.getKernel(kernelName, 'webgl') === undefined) {
      tf.registerKernel({ kernelName, backendName: 'webgl', kernelFunc: kernelFunc as tf.KernelFunc });
    }
  }
}
