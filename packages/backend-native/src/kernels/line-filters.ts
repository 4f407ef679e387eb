import { type Correlate1dAttrs, correlate1d, type LineExtension, type LineFilterInputs, type Uniform1dAttrs, uniform1d } from '@lab/core';
import type * as tf from '@tensorflow/tfjs-core';
import type { LineFilterArgs, NativeAddon } from '../addon.js';
import { kernelArgs, requireInput } from './float32-inputs.js';

/**
 * A line filter's kernel: checks that `x` is `[outer, length, inner]` (the error names the
 * kernel), allocates the output and lets `run` fill it from the addon.
 */
function lineKernel<Attrs extends LineExtension>(
  contract: { readonly name: string },
  run: (x: Float32Array, out: Float32Array, indices: Float64Array, sizes: LineFilterArgs, attrs: Attrs) => void,
): tf.KernelConfig {
  const name = contract.name;
  return {
    kernelName: name,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<Attrs>(args);
      const x = requireInput(name, inputs as LineFilterInputs, 'x');
      if (x.shape.length !== 3) throw new Error(`${name}: x must be [outer, length, inner], got shape [${x.shape.join(', ')}]`);
      const [outer, length, inner] = x.shape as [number, number, number];
      const out = backend.allocate(outer * length * inner);
      run(backend.float32(x, 'x'), out, Float64Array.from(attrs.indices), { outer, length, inner, cval: attrs.cval }, attrs);
      return [backend.makeTensorInfo(x.shape, 'float32', out)];
    },
  };
}

/** `LabCorrelate1D` on the addon: scipy's correlate1d, float64 sums in scipy's order, one rounding. */
export function correlate1dKernel(addon: NativeAddon): tf.KernelConfig {
  return lineKernel<Correlate1dAttrs>(correlate1d, (x, out, indices, sizes, attrs) => addon.correlate1d(x, out, Float64Array.from(attrs.weights), indices, sizes));
}

/** `LabUniform1D` on the addon: scipy's uniform_filter1d, a float64 running sum. */
export function uniform1dKernel(addon: NativeAddon): tf.KernelConfig {
  return lineKernel<Uniform1dAttrs>(uniform1d, (x, out, indices, sizes, attrs) => addon.uniform1d(x, out, indices, { ...sizes, size: attrs.size }));
}
