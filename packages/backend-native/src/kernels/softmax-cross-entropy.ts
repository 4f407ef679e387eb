import { type SoftmaxCrossEntropyAttrs, softmaxCrossEntropy } from '@lab/core';
import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { checkSize, kernelArgs, requireInput } from './float32-inputs.js';

/**
 * `LabSoftmaxCrossEntropy`: the per-row loss and its gradient with respect to the logits in one
 * pass (max-shifted log-sum-exp, accumulated in float64). With `tf.customGrad`, the backward pass
 * is one multiplication of `dLogits` by the upstream gradient.
 */
export function softmaxCrossEntropyKernel(addon: NativeAddon): tf.KernelConfig {
  const name = softmaxCrossEntropy.name;
  return {
    kernelName: name,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<SoftmaxCrossEntropyAttrs>(args);
      const logits = requireInput(name, inputs, 'logits');
      const labels = requireInput(name, inputs, 'labels');
      if (logits.shape.length !== 2) throw new Error(`${name}: logits must be [rows, classes], got [${logits.shape.join(', ')}]`);
      const [rows, cols] = logits.shape as [number, number];
      checkSize(name, 'labels', labels, rows * cols, 'logits');
      const [loss, grad] = [backend.allocate(rows), backend.allocate(rows * cols)];
      const sizes = { rows, cols, scale: attrs.scale ?? 1 };
      addon.softmaxCrossEntropy(backend.float32(logits, 'logits'), backend.float32(labels, 'labels'), loss, grad, sizes);
      return [backend.makeTensorInfo([rows], 'float32', loss), backend.makeTensorInfo([rows, cols], 'float32', grad)];
    },
  };
}
