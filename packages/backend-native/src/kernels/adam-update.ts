import { type AdamUpdateAttrs, adamUpdate } from '@lab/core';
import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { checkSize, kernelArgs, requireInput, updateTarget } from './float32-inputs.js';

/**
 * `LabAdamUpdate`: Adam's moments and update in one pass over each parameter, with the bias
 * corrections folded into two numbers as @lab/optim's `scaleByAdam` does:
 * `m̂ / (sqrt(v̂) + ε) = m · c / (sqrt(v) + ε sqrt(1 − β2^t))`, `c = sqrt(1 − β2^t) / (1 − β1^t)`.
 */
export function adamUpdateKernel(addon: NativeAddon): tf.KernelConfig {
  const name = adamUpdate.name;
  return {
    kernelName: name,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<AdamUpdateAttrs>(args);
      const grad = requireInput(name, inputs, 'grad');
      const size = grad.shape.reduce((p, d) => p * d, 1);
      const moments = ['m', 'v'].map((key) => requireInput(name, inputs, key));
      for (const [i, t] of moments.entries()) checkSize(name, i === 0 ? 'm' : 'v', t, size, 'grad');
      const param = inputs.param ? requireInput(name, inputs, 'param') : undefined;
      if (param) checkSize(name, 'param', param, size, 'grad');
      const weightDecay = attrs.weightDecay ?? 0;
      if (weightDecay !== 0 && !param) throw new Error(`${name}: weightDecay needs the 'param' input`);
      if (!(attrs.count >= 1)) throw new Error(`${name}: count must be >= 1, got ${attrs.count}`);
      const root = Math.sqrt(1 - attrs.beta2 ** attrs.count);
      const [m, v] = [updateTarget(backend, moments[0]!, attrs.inPlace, 'm'), updateTarget(backend, moments[1]!, attrs.inPlace, 'v')];
      const out = param ? updateTarget(backend, param, attrs.inPlace, 'param') : updateTarget(backend, grad, false, 'grad');
      addon.adamUpdate(
        backend.float32(grad, 'grad'),
        backend.float32(moments[0]!, 'm'),
        backend.float32(moments[1]!, 'v'),
        param ? backend.float32(param, 'param') : null,
        out.values,
        m.values,
        v.values,
        {
          beta1: attrs.beta1,
          beta2: attrs.beta2,
          stepScale: root / (1 - attrs.beta1 ** attrs.count),
          epsHat: attrs.epsilon * root,
          scale: attrs.scale,
          weightDecay,
        },
      );
      return [out.output(), m.output(), v.output()];
    },
  };
}
