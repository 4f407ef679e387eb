import * as tf from '@tensorflow/tfjs-core';
import { kernelArgs } from './float32-inputs.js';

/** `Relu` (`x < 0 ? 0 : x`; NaN stays NaN, as tfjs-cpu's) in one typed-array loop. */
export function reluKernel(fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Relu,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend } = kernelArgs<Record<string, never>>(args);
      const { x } = inputs;
      if (x?.dtype !== 'float32') return fallback(args);
      const values = backend.float32(x, 'x');
      const out = backend.allocate(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        // Not Math.max: -0 stays -0, as in tfjs-cpu.
        // biome-ignore lint/complexity/useMathMinMax: keeps -0 and the cpu kernel's exact semantics
        out[i] = v < 0 ? 0 : v;
      }
      return backend.makeTensorInfo([...x.shape], 'float32', out);
    },
  };
}
