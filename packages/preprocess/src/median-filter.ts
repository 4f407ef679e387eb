import { any, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { extendedIndices } from './boundary-mode.js';
import { type BoundaryOptions, boundaryOptions, checkWindow, filterLayout, perAxis } from './filter-options.js';
import { BOUNDARY_OPTIONS } from './option-constraints.js';
import { selectRank, SlidingWindow } from './sliding-window.js';

/** Options of {@link medianFilter}. */
export interface MedianFilterOptions extends BoundaryOptions {
  /** Window size in pixels: one integer >= 1 for every spatial axis, or one per axis. Default 3. */
  size?: number | readonly number[];
}

/** Windows up to this many values are selected from scratch; larger ones slide a sorted window. */
const SMALL_WINDOW = 25;

/** The most values a median window holds (256×256): each pixel's median looks at all of them. */
export const MAX_MEDIAN_AREA = 65_536;

/**
 * The median filter, `scipy.ndimage.median_filter`: each value becomes the median of the `size`
 * window around it — for an even count of values the upper one (scipy's rank `count // 2`), so
 * results are always input values and equal scipy's exactly. Shapes, axes and `mode` as
 * {@link meanFilter}. A 3×3 window uses sorted columns shared by neighbouring windows (Paeth);
 * windows of more than 25 values slide a sorted window along each row
 * (O(window) per step instead of a fresh sort). NaN sorts above every number. Reads `x`
 * synchronously; returns a new float32 tensor of `x`'s shape that the caller disposes.
 *
 * @example
 * medianFilter(tf.tensor1d([0, 9, 1, 2]), { size: 3 }) // → [0, 1, 2, 2]
 */
export function medianFilter(x: tf.Tensor, options: MedianFilterOptions = {}): tf.Tensor {
  // size is checked against the input's spatial axes by perAxis.
  checkOptions('medianFilter', options, { ...BOUNDARY_OPTIONS, size: any() });
  const layout = filterLayout(x, 'medianFilter');
  const { mode, cval } = boundaryOptions(options, 'medianFilter');
  const [sh, sw] = perAxis(options.size ?? 3, layout, 'medianFilter: size', 1, (v) => Number.isInteger(v) && v >= 1, 'integers >= 1');
  checkWindow([sh, sw], 'medianFilter', (size) => `size ${size} is a window of ${size} values`);
  // The median looks at the whole window for every pixel: its area is bounded too.
  if (sh * sw > MAX_MEDIAN_AREA) throw new Error(`medianFilter: size ${sh}×${sw} is a window of ${sh * sw} values, above the limit of ${MAX_MEDIAN_AREA}`);
  const source = x.dtype === 'float32' ? (x.dataSync() as Float32Array) : Float32Array.from(x.dataSync());
  const [n, h, w, c] = layout.nhwc;
  const rowsAt = extendedIndices(h, sh, mode);
  const colsAt = extendedIndices(w, sw, mode);
  const eh = h + sh - 1;
  const ew = w + sw - 1;
  const out = new Float32Array(source.length);
  const plane = new Float32Array(eh * ew);
  const rank = Math.floor((sh * sw) / 2);
  const hasNaN = containsNaN(source) || Number.isNaN(cval);
  const sliding = sh * sw > SMALL_WINDOW && !hasNaN;
  const window = sliding ? new SlidingWindow(sh * sw) : undefined;
  const scratch = new Float32Array(sh * sw);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      // The extended plane of this image and channel, edges made up by the mode.
      for (let y = 0; y < eh; y++) {
        const sy = rowsAt[y]!;
        for (let xx = 0; xx < ew; xx++) {
          const sx = colsAt[xx]!;
          plane[y * ew + xx] = sy < 0 || sx < 0 ? cval : source[((b * h + sy) * w + sx) * c + ch]!;
        }
      }
      for (let y = 0; y < h; y++) {
        const at = (xx: number) => ((b * h + y) * w + xx) * c + ch;
        // 3×3, the usual denoising size: Paeth's exact median of 9 from sorted columns.
        if (sh === 3 && sw === 3 && !hasNaN) median3x3Row(plane, ew, y, w, out, at(0), c);
        else if (window) {
          window.clear();
          for (let dy = 0; dy < sh; dy++) for (let dx = 0; dx < sw; dx++) window.insert(plane[(y + dy) * ew + dx]!);
          out[at(0)] = window.at(rank);
          for (let xx = 1; xx < w; xx++) {
            for (let dy = 0; dy < sh; dy++) {
              window.remove(plane[(y + dy) * ew + xx - 1]!);
              window.insert(plane[(y + dy) * ew + xx + sw - 1]!);
            }
            out[at(xx)] = window.at(rank);
          }
        } else {
          for (let xx = 0; xx < w; xx++) {
            let k = 0;
            for (let dy = 0; dy < sh; dy++) for (let dx = 0; dx < sw; dx++) scratch[k++] = plane[(y + dy) * ew + xx + dx]!;
            out[at(xx)] = selectRank(scratch, rank);
          }
        }
      }
    }
  }
  return tf.tensor(out, layout.shape, 'float32');
}

/**
 * One output row of the 3×3 median: each column of 3 is sorted once and shared by 3 windows; the
 * median of 9 is then the median of (largest low, median of middles, smallest high), exactly.
 */
function median3x3Row(plane: Float32Array, ew: number, y: number, w: number, out: Float32Array, start: number, step: number): void {
  const { lo, mid, hi } = columns(ew);
  for (let x = 0; x < ew; x++) {
    const a = plane[y * ew + x]!;
    const b = plane[(y + 1) * ew + x]!;
    const c = plane[(y + 2) * ew + x]!;
    const small = Math.min(a, b);
    const large = Math.max(a, b);
    lo[x] = Math.min(small, c);
    hi[x] = Math.max(large, c);
    mid[x] = Math.max(small, Math.min(large, c));
  }
  for (let x = 0; x < w; x++) {
    const low = Math.max(lo[x]!, lo[x + 1]!, lo[x + 2]!);
    const high = Math.min(hi[x]!, hi[x + 1]!, hi[x + 2]!);
    out[start + x * step] = median3(low, median3(mid[x]!, mid[x + 1]!, mid[x + 2]!), high);
  }
}

/** Whether `values` holds a NaN: a plain loop (a `some` callback costs several ns a value). */
function containsNaN(values: Float32Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) return true;
  }
  return false;
}

let scratchColumns = { lo: new Float32Array(0), mid: new Float32Array(0), hi: new Float32Array(0) };

/** Reused column buffers of at least `n` values. */
function columns(n: number): typeof scratchColumns {
  if (scratchColumns.lo.length < n) scratchColumns = { lo: new Float32Array(n), mid: new Float32Array(n), hi: new Float32Array(n) };
  return scratchColumns;
}

function median3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}
