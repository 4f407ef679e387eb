import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { kernelNames } from '../kernel-names.js';
import { checkSize, kernelArgs, requireInput } from './float32-inputs.js';

/** Attributes of `LabAdamUpdate`; see {@link kernelNames}. */
export interface AdamUpdateAttrs {
  beta1: number;
  beta2: number;
  epsilon: number;
  /** The update number t, from 1. */
  count: number;
  /** Multiplies the update: -learningRate to get a step to add, 1 for optax's `scale_by_adam`. */
  scale: number;
  /** AdamW's decoupled decay (default 0); needs the `param` input. */
  weightDecay?: number;
}

/**
 * `LabAdamUpdate`: Adam's moments and update in one pass over each parameter, with the bias
 * corrections folded into two numbers as @lab/optim's `scaleByAdam` does:
 * `m̂ / (sqrt(v̂) + ε) = m · c / (sqrt(v) + ε sqrt(1 − β2^t))`, `c = sqrt(1 − β2^t) / (1 − β1^t)`.
 */
export function adamUpdateKernel(addon: NativeAddon): tf.KernelConfig {
  const name = kernelNames.adamUpdate;
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
      const [out, m, v] = [new Float32Array(size), new Float32Array(size), new Float32Array(size)];
      addon.adamUpdate(
        backend.float32(grad, 'grad'),
        backend.float32(moments[0]!, 'm'),
        backend.float32(moments[1]!, 'v'),
        param ? backend.float32(param, 'param') : null,
        out,
        m,
        v,
        attrs.beta1,
        attrs.beta2,
        root / (1 - attrs.beta1 ** attrs.count),
        attrs.epsilon * root,
        attrs.scale,
        weightDecay,
      );
      return [out, m, v].map((values) => backend.makeTensorInfo(grad.shape, 'float32', values));
    },
  };
}
