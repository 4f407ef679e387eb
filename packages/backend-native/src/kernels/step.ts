import * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { kernelArgs } from './float32-inputs.js';

/**
 * `Step` (`x > 0 ? 1 : alpha`, NaN stays NaN, as in tfjs-cpu) in one native loop: the relu mask
 * of every relu gradient, which the cpu kernel computes through a per-element closure.
 */
export function stepKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Step,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<{ alpha?: number }>(args);
      const { x } = inputs;
      if (x?.dtype !== 'float32') return fallback(args);
      const values = backend.float32(x, 'x');
      const out = backend.allocate(values.length);
      addon.step(values, out, { alpha: attrs.alpha ?? 0 });
      return backend.makeTensorInfo([...x.shape], 'float32', out);
    },
  };
}
