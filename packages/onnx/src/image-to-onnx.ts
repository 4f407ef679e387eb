import { boundaryIndex, gaussianKernel } from '@lab/preprocess';
import type { GraphBuilder } from './graph-builder.js';

/** The preprocessing of an image model, as lab saves it: pixels divided by `scale`, then an optional denoising filter. */
export interface ImagePreprocessing {
  /** Raw pixels are divided by this (255 for 0–255 images). */
  scale: number;
  /** The run's denoising filter (scipy's, `mode='reflect'`): `gaussian` (value = sigma), `median` or `mean` (value = size). */
  denoise?: { filter: 'gaussian' | 'median' | 'mean'; value: number };
}

/**
 * Appends the nodes that do what lab does to an image before the model: `Div` by the pixel
 * scale, then the denoising filter over height and width of `[N, H, W, C]` — its edges extended
 * as scipy's `reflect` mode by a `Gather` of precomputed indices; `mean` and `gaussian` as
 * separable sums of shifted `Slice`s weighted by the filter's taps; `median` as the `TopK` of the
 * `size × size` shifted windows and a `ReduceMin` (the middle value, scipy's rank `size² // 2`).
 * `shape` is one image's `[H, W, C]`. Returns the name of the preprocessed images.
 */
export function appendImagePreprocessing(g: GraphBuilder, pixels: string, shape: readonly number[], pre: ImagePreprocessing): string {
  if (!(pre.scale > 0) || !Number.isFinite(pre.scale)) throw new Error(`ONNX export: the pixel scale must be a positive number, got ${pre.scale}`);
  const scaled = g.op('Div', [pixels, g.scalar(pre.scale)], {}, { base: 'pixels/scaled' });
  if (!pre.denoise) return scaled;
  const [h, w] = shape as [number, number];
  const { filter, value } = pre.denoise;
  if (filter === 'median') {
    if (!Number.isInteger(value) || value < 1) throw new Error(`ONNX export: median filter size must be a positive integer, got ${value}`);
    if (value === 1) return scaled;
    const extended = extend(g, extend(g, scaled, 1, h, value), 2, w, value);
    const windows: string[] = [];
    for (let i = 0; i < value; i++) {
      for (let j = 0; j < value; j++) {
        const window = slice(g, extended, [i, j], [i + h, j + w], [1, 2], 'median/window');
        windows.push(g.op('Unsqueeze', [window, g.int64s('median/axis', [4])], {}, { base: 'median/window4' }));
      }
    }
    const stacked = g.op('Concat', windows, { axis: { int: 4 } }, { base: 'median/stack' });
    const m = value * value;
    const largest = m - Math.floor(m / 2);
    const [top] = g.opN('TopK', [stacked, g.int64s('median/k', [largest])], 2, { axis: { int: 4 }, largest: { int: 1 }, sorted: { int: 1 } }, { base: 'median/topk' });
    return g.op('ReduceMin', [top!], { axes: { ints: [4] }, keepdims: { int: 0 } }, { base: 'median/filtered' });
  }
  let taps: number[];
  if (filter === 'gaussian') {
    if (!(value > 0) || !Number.isFinite(value)) throw new Error(`ONNX export: gaussian sigma must be a positive number, got ${value}`);
    taps = gaussianKernel(value);
  } else {
    if (!Number.isInteger(value) || value < 1) throw new Error(`ONNX export: mean filter size must be a positive integer, got ${value}`);
    taps = Array<number>(value).fill(1 / value);
  }
  if (taps.length === 1) return scaled;
  const rows = correlate(g, extend(g, scaled, 1, h, taps.length), 1, h, taps, `${filter}/rows`);
  return correlate(g, extend(g, rows, 2, w, taps.length), 2, w, taps, `${filter}/filtered`);
}

/** The axis of length `n` extended for a window of `size` (scipy's centring, `size // 2` before), `reflect` at the edges. */
function extend(g: GraphBuilder, x: string, axis: number, n: number, size: number): string {
  const before = Math.floor(size / 2);
  const indices = Array.from({ length: n + size - 1 }, (_, i) => boundaryIndex(i - before, n, 'reflect'));
  return g.op('Gather', [x, g.int64s(`extend/${axis}`, indices)], { axis: { int: axis } }, { base: `extend/${axis}` });
}

/** Σ taps[j] · extended[i + j] along `axis`, for the `n` output positions. */
function correlate(g: GraphBuilder, extended: string, axis: number, n: number, taps: number[], base: string): string {
  let sum: string | undefined;
  taps.forEach((tap, j) => {
    const term = g.op('Mul', [slice(g, extended, [j], [j + n], [axis], `${base}/tap`), g.scalar(tap)], {}, { base: `${base}/term` });
    sum = sum === undefined ? term : g.op('Add', [sum, term], {}, { base: `${base}/sum` });
  });
  return sum!;
}

function slice(g: GraphBuilder, x: string, starts: number[], ends: number[], axes: number[], base: string): string {
  return g.op('Slice', [x, g.int64s(`${base}/starts`, starts), g.int64s(`${base}/ends`, ends), g.int64s(`${base}/axes`, axes)], {}, { base });
}
