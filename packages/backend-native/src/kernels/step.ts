import * as tf from '@tensorflow/tfjs-core';
import { kernelArgs } from './float32-inputs.js';

/**
 * `Step` (`x > 0 ? 1 : alpha`, NaN stays NaN, as tfjs-cpu's) in one typed-array loop: the relu
 * mask of every relu gradient, which the cpu kernel computes through a per-element closure.
 */
export function stepKernel(fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Step,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<{ alpha?: number }>(args);
      const { x } = inputs;
      if (x?.dtype !== 'float32') return fallback(args);
      const values = backend.float32(x, 'x');
      const alpha = attrs.alpha ?? 0;
      const out = backend.allocate(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i]!;
        out[i] = v > 0 ? 1 : Number.isNaN(v) ? v : alpha;
      }
      return backend.makeTensorInfo([...x.shape], 'float32', out);
    },
  };
}
