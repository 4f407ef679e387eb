import { type MomentumUpdateAttrs, momentumUpdate } from '@lab/core';
import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { checkSize, kernelArgs, requireInput, updateTarget } from './float32-inputs.js';

/** `LabMomentumUpdate`: optax's `trace` (PyTorch's SGD momentum, dampening 0) and its scaled update in one pass. */
export function momentumUpdateKernel(addon: NativeAddon): tf.KernelConfig {
  const name = momentumUpdate.name;
  return {
    kernelName: name,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<MomentumUpdateAttrs>(args);
      const grad = requireInput(name, inputs, 'grad');
      const size = grad.shape.reduce((p, d) => p * d, 1);
      const trace = requireInput(name, inputs, 'trace');
      checkSize(name, 'trace', trace, size, 'grad');
      const param = inputs.param ? requireInput(name, inputs, 'param') : undefined;
      if (param) checkSize(name, 'param', param, size, 'grad');
      const next = updateTarget(backend, trace, attrs.inPlace, 'trace');
      const out = param ? updateTarget(backend, param, attrs.inPlace, 'param') : updateTarget(backend, grad, false, 'grad');
      addon.momentumUpdate(
        backend.float32(grad, 'grad'),
        backend.float32(trace, 'trace'),
        param ? backend.float32(param, 'param') : null,
        out.values,
        next.values,
        { decay: attrs.decay, nesterov: Boolean(attrs.nesterov), scale: attrs.scale },
      );
      return [out.output(), next.output()];
    },
  };
}
