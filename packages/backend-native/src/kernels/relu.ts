import * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { kernelArgs } from './float32-inputs.js';

/** `Relu` (`x < 0 ? 0 : x`; NaN and −0 stay, as in tfjs-cpu) in one native loop; other dtypes go to the cpu kernel. */
export function reluKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Relu,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend } = kernelArgs<Record<string, never>>(args);
      const { x } = inputs;
      if (x?.dtype !== 'float32') return fallback(args);
      const values = backend.float32(x, 'x');
      const out = backend.allocate(values.length);
      addon.relu(values, out, {});
      return backend.makeTensorInfo([...x.shape], 'float32', out);
    },
  };
}
