import { type DenseBackwardAttrs, denseBackward } from '@lab/core';
import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { Activation } from '../native-enums.js';
import { checkSize, kernelArgs, requireInput } from './float32-inputs.js';

/**
 * `LabDenseBackward`: all gradients of a Dense layer `y = act(x · kernel + bias)` in one call:
 * the relu mask, `dKernel = xᵀ g`, `dBias = Σ_rows g` and `dx = g kernelᵀ`, with `g = dy ⊙ act'(y)`.
 */
export function denseBackwardKernel(addon: NativeAddon): tf.KernelConfig {
  const name = denseBackward.name;
  return {
    kernelName: name,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<DenseBackwardAttrs>(args);
      const x = requireInput(name, inputs, 'x');
      const kernel = requireInput(name, inputs, 'kernel');
      const dy = requireInput(name, inputs, 'dy');
      if (x.shape.length !== 2 || kernel.shape.length !== 2 || x.shape[1] !== kernel.shape[0]) {
        throw new Error(`${name}: x [${x.shape.join(', ')}] and kernel [${kernel.shape.join(', ')}] must be [rows, in] and [in, out]`);
      }
      const [rows, inUnits] = x.shape as [number, number];
      const outUnits = kernel.shape[1]!;
      checkSize(name, 'dy', dy, rows * outUnits, '[rows, out]');
      const relu = attrs.activation === 'relu';
      if (!relu && attrs.activation !== 'linear') throw new Error(`${name}: activation must be 'linear' or 'relu', got '${attrs.activation}'`);
      const y = relu ? requireInput(name, inputs, 'y') : dy;
      checkSize(name, 'y', y, rows * outUnits, '[rows, out]');
      const dKernel = backend.allocate(inUnits * outUnits);
      const dBias = attrs.hasBias ? backend.allocate(outUnits) : null;
      const dx = attrs.inputGrad ? backend.allocate(rows * inUnits) : null;
      const f = (t: tf.TensorInfo, n: string) => backend.float32(t, n);
      const sizes = { rows, inputs: inUnits, outputs: outUnits, activation: relu ? Activation.relu : Activation.linear };
      addon.denseBackward(f(x, 'x'), f(kernel, 'kernel'), f(y, 'y'), f(dy, 'dy'), dKernel, dBias, dx, sizes);
      const outputs = [backend.makeTensorInfo([inUnits, outUnits], 'float32', dKernel)];
      if (dBias) outputs.push(backend.makeTensorInfo([outUnits], 'float32', dBias));
      if (dx) outputs.push(backend.makeTensorInfo([rows, inUnits], 'float32', dx));
      return outputs;
    },
  };
}
