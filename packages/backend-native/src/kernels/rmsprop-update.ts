import { type RmspropUpdateAttrs, rmspropUpdate } from '@lab/core';
import type * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { checkSize, kernelArgs, requireInput, updateTarget } from './float32-inputs.js';

/** `LabRmspropUpdate`: RMSProp's running means and scaled update in one pass (centered when `mu` is given). */
export function rmspropUpdateKernel(addon: NativeAddon): tf.KernelConfig {
  const name = rmspropUpdate.name;
  return {
    kernelName: name,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<RmspropUpdateAttrs>(args);
      const grad = requireInput(name, inputs, 'grad');
      const size = grad.shape.reduce((p, d) => p * d, 1);
      const nu = requireInput(name, inputs, 'nu');
      checkSize(name, 'nu', nu, size, 'grad');
      const mu = inputs.mu ? requireInput(name, inputs, 'mu') : undefined;
      if (mu) checkSize(name, 'mu', mu, size, 'grad');
      const param = inputs.param ? requireInput(name, inputs, 'param') : undefined;
      if (param) checkSize(name, 'param', param, size, 'grad');
      if (!(attrs.decay >= 0 && attrs.decay < 1)) throw new Error(`${name}: decay must be in [0, 1), got ${attrs.decay}`);
      const nextNu = updateTarget(backend, nu, attrs.inPlace, 'nu');
      const nextMu = mu ? updateTarget(backend, mu, attrs.inPlace, 'mu') : undefined;
      const out = param ? updateTarget(backend, param, attrs.inPlace, 'param') : updateTarget(backend, grad, false, 'grad');
      const f = (t: tf.TensorInfo, n: string) => backend.float32(t, n);
      addon.rmspropUpdate(
        f(grad, 'grad'),
        f(nu, 'nu'),
        mu ? f(mu, 'mu') : null,
        param ? f(param, 'param') : null,
        out.values,
        nextNu.values,
        nextMu ? nextMu.values : null,
        { decay: attrs.decay, epsilon: attrs.epsilon, epsInSqrt: Boolean(attrs.epsInSqrt), scale: attrs.scale },
      );
      return nextMu ? [out.output(), nextNu.output(), nextMu.output()] : [out.output(), nextNu.output()];
    },
  };
}
