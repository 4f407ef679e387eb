import { any, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { axisLines, filterAxisKernel, correlateLines, filtersOnHost, readFloat32 } from './correlate-axis.js';
import { type BoundaryOptions, boundaryOptions, checkWindow, filterLayout, perAxis } from './filter-options.js';
import { BOUNDARY_OPTIONS } from './option-constraints.js';

/** Options of {@link gaussianFilter}. */
export interface GaussianFilterOptions extends BoundaryOptions {
  /** Standard deviation in pixels: one number >= 0 for every spatial axis, or one per axis. Default 1. 0 leaves an axis alone. */
  sigma?: number | readonly number[];
  /** The kernel reaches `truncate` standard deviations each side (radius `round(truncate·sigma)`); default 4.0, as scipy. */
  truncate?: number;
}

/**
 * The Gaussian blur, `scipy.ndimage.gaussian_filter` (order 0): one separable correlation per
 * spatial axis with scipy's normalised kernel `exp(-x²/2σ²)`, `x` in `[-r, r]`,
 * `r = int(truncate·σ + 0.5)`. `x` is `[L]`, `[H, W]`, `[N, H, W]` or `[N, H, W, C]`; batch and
 * channel axes are not blurred (scipy's `sigma=(0, s, s, 0)`). On the `cpu` and `wasm` backends
 * `x` is read once and each axis is one pass over a typed array with the kernel computed once,
 * summed in float64 in `correlate1d`'s order (equal to scipy's float32 result); on device
 * backends each axis is a conv2d on tfjs ops. Returns a new float32 tensor of `x`'s shape; the
 * caller disposes it; `x` is not disposed.
 *
 * @example
 * gaussianFilter(images, { sigma: 1 }) // images: [N, 28, 28]
 */
export function gaussianFilter(x: tf.Tensor, options: GaussianFilterOptions = {}): tf.Tensor {
  // sigma is checked against the input's spatial axes by perAxis, truncate below.
  checkOptions('gaussianFilter', options, { ...BOUNDARY_OPTIONS, sigma: any(), truncate: any() });
  const layout = filterLayout(x, 'gaussianFilter');
  const { mode, cval } = boundaryOptions(options, 'gaussianFilter');
  const truncate = options.truncate ?? 4;
  if (typeof truncate !== 'number' || !(Number.isFinite(truncate) && truncate > 0)) {
    throw new Error(`gaussianFilter: truncate must be a finite number > 0, got ${String(truncate)}`);
  }
  const sigmas = perAxis(options.sigma ?? 1, layout, 'gaussianFilter: sigma', 0, (v) => Number.isFinite(v) && v >= 0, 'finite numbers >= 0');
  const lengths = sigmas.map((sigma) => 2 * Math.trunc(truncate * sigma + 0.5) + 1);
  checkWindow(lengths, 'gaussianFilter', (length) => `sigma ${sigmas[lengths.indexOf(length)]} with truncate ${truncate} is a kernel of ${length} values`);
  // scipy skips axes whose sigma is (about) zero.
  const kernels = sigmas.map((sigma) => (sigma > 1e-15 ? gaussianKernel(sigma, truncate) : undefined));
  if (filtersOnHost()) {
    const data = readFloat32(x);
    for (const axis of [1, 2] as const) {
      const kernel = kernels[axis - 1];
      if (kernel) correlateLines(data, data, axisLines(layout.nhwc, axis), kernel, mode, cval);
    }
    return tf.tensor(data, layout.shape, 'float32');
  }
  return tf.tidy(() => {
    let y = tf.reshape(tf.cast(x, 'float32'), layout.nhwc) as tf.Tensor4D;
    for (const axis of [1, 2] as const) {
      const kernel = kernels[axis - 1];
      if (kernel) y = filterAxisKernel(y, kernel, axis, mode, cval);
    }
    return tf.reshape(y, layout.shape);
  });
}

/** scipy's `_gaussian_kernel1d(sigma, 0, radius)`, in float64, summing to 1. */
export function gaussianKernel(sigma: number, truncate = 4): number[] {
  const radius = Math.trunc(truncate * sigma + 0.5);
  const weights: number[] = [];
  for (let i = -radius; i <= radius; i++) weights.push(Math.exp((-0.5 / (sigma * sigma)) * (i * i)));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((v) => v / sum);
}
