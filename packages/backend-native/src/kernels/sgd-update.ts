import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { kernelNames } from '../kernel-names.js';
import { checkSize, kernelArgs, requireInput } from './float32-inputs.js';

/** Attributes of `LabSgdUpdate`; see {@link kernelNames}. */
export interface SgdUpdateAttrs {
  scale: number;
}

/** `LabSgdUpdate`: `param + scale · grad` (or `scale · grad` without `param`) in one kernel. */
export function sgdUpdateKernel(addon: NativeAddon): tf.KernelConfig {
  const name = kernelNames.sgdUpdate;
  return {
    kernelName: name,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<SgdUpdateAttrs>(args);
      const grad = requireInput(name, inputs, 'grad');
      const size = grad.shape.reduce((p, d) => p * d, 1);
      const param = inputs.param ? requireInput(name, inputs, 'param') : undefined;
      if (param) checkSize(name, 'param', param, size, 'grad');
      const out = new Float32Array(size);
      addon.sgdUpdate(backend.float32(grad, 'grad'), param ? backend.float32(param, 'param') : null, out, attrs.scale);
      return backend.makeTensorInfo(grad.shape, 'float32', out);
    },
  };
}
