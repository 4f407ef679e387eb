import { type SgdUpdateAttrs, sgdUpdate } from '@lab/core';
import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { checkSize, kernelArgs, requireInput, updateTarget } from './float32-inputs.js';

/** `LabSgdUpdate`: `param + scale · grad` (or `scale · grad` without `param`) in one kernel. */
export function sgdUpdateKernel(addon: NativeAddon): tf.KernelConfig {
  const name = sgdUpdate.name;
  return {
    kernelName: name,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<SgdUpdateAttrs>(args);
      const grad = requireInput(name, inputs, 'grad');
      const size = grad.shape.reduce((p, d) => p * d, 1);
      const param = inputs.param ? requireInput(name, inputs, 'param') : undefined;
      if (param) checkSize(name, 'param', param, size, 'grad');
      const out = param ? updateTarget(backend, param, attrs.inPlace, 'param') : updateTarget(backend, grad, false, 'grad');
      addon.sgdUpdate(backend.float32(grad, 'grad'), param ? backend.float32(param, 'param') : null, out.values, { scale: attrs.scale });
      return out.output();
    },
  };
}
