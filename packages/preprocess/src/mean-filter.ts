import { any, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { axisLines, filterAxisKernel, filtersOnHost, readFloat32, uniformLines } from './correlate-axis.js';
import { type BoundaryOptions, boundaryOptions, checkWindow, filterLayout, perAxis } from './filter-options.js';
import { BOUNDARY_OPTIONS } from './option-constraints.js';

/** Options of {@link meanFilter}. */
export interface MeanFilterOptions extends BoundaryOptions {
  /** Window size in pixels: one integer >= 1 for every spatial axis, or one per axis. Default 3. */
  size?: number | readonly number[];
}

/**
 * The uniform (box) filter, `scipy.ndimage.uniform_filter`: each value becomes the mean of the
 * `size` window around it (for an even size the window has one more value before the centre than
 * after, as in scipy). `x` is `[L]`, `[H, W]`, `[N, H, W]` or `[N, H, W, C]`; only the spatial
 * axes are filtered (scipy's `size=(1, s, s, 1)`). On the `cpu` and `wasm` backends `x` is read
 * once and each axis is one running-sum pass over a typed array, as scipy's `uniform_filter1d`
 * (equal to scipy's float32 result); on device backends each axis is a conv2d on tfjs ops.
 * Returns a new float32 tensor of `x`'s shape (scipy keeps integer dtypes; this does not). The
 * caller disposes the result; `x` is not disposed.
 *
 * @example
 * meanFilter(tf.tensor1d([0, 3, 6]), { size: 3 }) // → [1, 3, 5] (reflect: 0 0 3 6 6)
 */
export function meanFilter(x: tf.Tensor, options: MeanFilterOptions = {}): tf.Tensor {
  // size is checked against the input's spatial axes by perAxis.
  checkOptions('meanFilter', options, { ...BOUNDARY_OPTIONS, size: any() });
  const layout = filterLayout(x, 'meanFilter');
  const { mode, cval } = boundaryOptions(options, 'meanFilter');
  const sizes = perAxis(options.size ?? 3, layout, 'meanFilter: size', 1, (v) => Number.isInteger(v) && v >= 1, 'integers >= 1');
  checkWindow(sizes, 'meanFilter', (size) => `size ${size} is a window of ${size} values`);
  if (filtersOnHost()) {
    const data = readFloat32(x);
    for (const axis of [1, 2] as const) {
      const size = sizes[axis - 1]!;
      if (size > 1) uniformLines(data, data, axisLines(layout.nhwc, axis), size, mode, cval);
    }
    return tf.tensor(data, layout.shape, 'float32');
  }
  return tf.tidy(() => {
    let y = tf.reshape(tf.cast(x, 'float32'), layout.nhwc) as tf.Tensor4D;
    for (const axis of [1, 2] as const) {
      const size = sizes[axis - 1]!;
      if (size > 1) y = filterAxisKernel(y, Array<number>(size).fill(1 / size), axis, mode, cval, true);
    }
    return tf.reshape(y, layout.shape);
  });
}
