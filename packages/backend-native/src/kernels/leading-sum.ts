import * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon } from '../addon.js';
import { kernelArgs } from './float32-inputs.js';

/**
 * `Sum` over leading axes (`[0]`, `[0, 1]`, `[0, 1, 2]` of an NHWC tensor: a bias gradient) as
 * column sums in one native pass, in float64; the cpu kernel transposes the reduced axes to the end
 * first, a full copy. Other reductions go to the cpu kernel.
 */
export function leadingSumKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.Sum,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<{ axis: number | number[]; keepDims: boolean }>(args);
      const { x } = inputs;
      if (x?.dtype !== 'float32' || x.shape.length < 2) return fallback(args);
      const axes = tf.util.parseAxisParam(attrs.axis, x.shape).sort((a, b) => a - b);
      if (axes.length === 0 || axes.length === x.shape.length || axes.some((a, i) => a !== i)) return fallback(args);
      const columns = x.shape.slice(axes.length).reduce((a, b) => a * b, 1);
      const values = backend.float32(x, 'x');
      const rows = columns === 0 ? 0 : values.length / columns;
      const out = backend.allocate(columns);
      if (columns > 0) addon.columnSums(values, out, { rows, cols: columns });
      const shape = attrs.keepDims ? x.shape.map((d, i) => (i < axes.length ? 1 : d)) : x.shape.slice(axes.length);
      return backend.makeTensorInfo(shape, 'float32', out);
    },
  };
}
