import { callKernel, correlate1d, hasKernel, uniform1d } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import type { BoundaryMode } from './boundary-mode.js';
import { extendedIndices } from './boundary-mode.js';

/**
 * The lines one separable pass filters, in `outer` blocks of `rows` lines: each line has `length`
 * positions along the filtered axis, each position `inner` values apart. NHWC height:
 * `outer = n, rows = 1, length = h, inner = w·c`; width: `outer = n, rows = h, length = w,
 * inner = c`. A block (one image) is filtered in one go while it sits in cache.
 */
export interface AxisLines {
  outer: number;
  rows: number;
  length: number;
  inner: number;
}

/** The {@link AxisLines} of axis `axis` (1 = height, 2 = width) of an NHWC shape. */
export function axisLines([n, h, w, c]: readonly [number, number, number, number], axis: 1 | 2): AxisLines {
  return axis === 1 ? { outer: n, rows: 1, length: h, inner: w * c } : { outer: n, rows: h, length: w, inner: c };
}

/**
 * One block of `source` (starting at `base`), each line extended by `mode` to `at.length`
 * positions (`at` from `extendedIndices`), copied into `ext` as float64: the passes below then
 * read no edges and no `cval`.
 */
function extendBlock(source: Float32Array, base: number, lines: AxisLines, at: Int32Array, cval: number, ext: Float64Array): void {
  const { rows, length, inner } = lines;
  const span = at.length;
  for (let y = 0; y < rows; y++) {
    const from = base + y * length * inner;
    const to = y * span * inner;
    if (inner === 1) {
      for (let e = 0; e < span; e++) {
        const s = at[e]!;
        ext[to + e] = s < 0 ? cval : source[from + s]!;
      }
      continue;
    }
    for (let e = 0; e < span; e++) {
      const s = at[e]!;
      const t = to + e * inner;
      if (s < 0) ext.fill(cval, t, t + inner);
      else for (let j = 0, f = from + s * inner; j < inner; j++) ext[t + j] = source[f + j]!;
    }
  }
}

/**
 * `scipy.ndimage.correlate1d` on typed arrays: correlates every line of `source` with `weights`
 * (centred at `weights.length // 2`) into `out` (which may be `source`: each block is copied out
 * before it is overwritten). The sums run in float64 in scipy's order — for an odd symmetric
 * kernel `x₀·w₀ + Σ (x₋ⱼ + xⱼ)·w₋ⱼ` from the outermost pair in, for an antisymmetric one the
 * differences, else the taps left to right starting from the last — so each result is scipy's
 * double rounded once to float32.
 */
export function correlateLines(source: Float32Array, out: Float32Array, lines: AxisLines, weights: readonly number[], mode: BoundaryMode, cval: number): void {
  const { outer, rows, length, inner } = lines;
  const fw = Float64Array.from(weights);
  const symmetry = kernelSymmetry(fw);
  const at = extendedIndices(length, fw.length, mode);
  const ext = new Float64Array(rows * at.length * inner);
  const block = rows * length * inner;
  for (let o = 0; o < outer; o++) {
    const base = o * block;
    extendBlock(source, base, lines, at, cval, ext);
    for (let y = 0; y < rows; y++) {
      const from = y * at.length * inner;
      const to = base + y * length * inner;
      if (symmetry > 0 && fw.length <= 9) symmetricSmall(ext, from, out, to, length * inner, inner, fw);
      else generalLine(ext, from, out, to, length * inner, inner, fw, symmetry);
    }
  }
}

/**
 * One line (`count` outputs from `out[to]`, the extended line from `ext[from]`, taps `stride`
 * apart) through a symmetric kernel of radius 0 to 4 (Gaussians up to σ ≈ 1.1 at the default
 * truncate), its taps unrolled into locals (a loop over taps is about twice as slow in V8), in
 * scipy's order: centre first, then the pairs from the outermost in.
 */
function symmetricSmall(ext: Float64Array, from: number, out: Float32Array, to: number, count: number, stride: number, fw: Float64Array): void {
  const r = (fw.length - 1) / 2;
  const w0 = fw[r]!;
  const w1 = r >= 1 ? fw[r - 1]! : 0;
  const w2 = r >= 2 ? fw[r - 2]! : 0;
  const w3 = r >= 3 ? fw[r - 3]! : 0;
  const w4 = r >= 4 ? fw[r - 4]! : 0;
  const c0 = from + r * stride;
  const s1 = stride;
  const s2 = 2 * stride;
  const s3 = 3 * stride;
  const s4 = 4 * stride;
  switch (r) {
    case 0:
      for (let q = 0; q < count; q++) out[to + q] = ext[c0 + q]! * w0;
      return;
    case 1:
      for (let q = 0; q < count; q++) {
        const c = c0 + q;
        out[to + q] = ext[c]! * w0 + (ext[c - s1]! + ext[c + s1]!) * w1;
      }
      return;
    case 2:
      for (let q = 0; q < count; q++) {
        const c = c0 + q;
        out[to + q] = ext[c]! * w0 + (ext[c - s2]! + ext[c + s2]!) * w2 + (ext[c - s1]! + ext[c + s1]!) * w1;
      }
      return;
    case 3:
      for (let q = 0; q < count; q++) {
        const c = c0 + q;
        out[to + q] = ext[c]! * w0 + (ext[c - s3]! + ext[c + s3]!) * w3 + (ext[c - s2]! + ext[c + s2]!) * w2 + (ext[c - s1]! + ext[c + s1]!) * w1;
      }
      return;
    default:
      for (let q = 0; q < count; q++) {
        const c = c0 + q;
        out[to + q] =
          ext[c]! * w0 + (ext[c - s4]! + ext[c + s4]!) * w4 + (ext[c - s3]! + ext[c + s3]!) * w3 + (ext[c - s2]! + ext[c + s2]!) * w2 + (ext[c - s1]! + ext[c + s1]!) * w1;
      }
  }
}

/** One line (as {@link symmetricSmall}) through any kernel, looping over its taps in scipy's order. */
function generalLine(ext: Float64Array, from: number, out: Float32Array, to: number, count: number, stride: number, fw: Float64Array, symmetry: number): void {
  const k = fw.length;
  const size1 = Math.floor(k / 2);
  const size2 = k - size1 - 1;
  for (let q = 0; q < count; q++) {
    const c = from + size1 * stride + q;
    let sum: number;
    if (symmetry !== 0) {
      sum = ext[c]! * fw[size1]!;
      for (let t = -size1; t < 0; t++) {
        const pair = symmetry > 0 ? ext[c + t * stride]! + ext[c - t * stride]! : ext[c + t * stride]! - ext[c - t * stride]!;
        sum += pair * fw[size1 + t]!;
      }
    } else {
      sum = ext[c + size2 * stride]! * fw[k - 1]!;
      for (let t = -size1; t < size2; t++) sum += ext[c + t * stride]! * fw[size1 + t]!;
    }
    out[to + q] = sum;
  }
}

/** scipy's test: 1 for an odd kernel symmetric to within DBL_EPSILON, -1 antisymmetric, else 0. */
function kernelSymmetry(fw: Float64Array): 1 | -1 | 0 {
  const k = fw.length;
  if (k % 2 === 0) return 0;
  const size1 = (k - 1) / 2;
  let symmetric = true;
  for (let i = 1; i <= size1 && symmetric; i++) symmetric = Math.abs(fw[size1 + i]! - fw[size1 - i]!) <= Number.EPSILON;
  if (symmetric) return 1;
  for (let i = 1; i <= size1; i++) if (Math.abs(fw[size1 + i]! + fw[size1 - i]!) > Number.EPSILON) return 0;
  return -1;
}

/**
 * `scipy.ndimage.uniform_filter1d` on typed arrays: the mean of a `size` window over every line
 * of `source` into `out` (which may be `source`), as scipy 1.10 computes it — a float64 running
 * sum (the first window summed, then each step adding the entering value minus the leaving one),
 * divided by `size` at each position — so each result is scipy's double rounded once to float32.
 */
export function uniformLines(source: Float32Array, out: Float32Array, lines: AxisLines, size: number, mode: BoundaryMode, cval: number): void {
  const { outer, rows, length, inner } = lines;
  const at = extendedIndices(length, size, mode);
  const ext = new Float64Array(rows * at.length * inner);
  const block = rows * length * inner;
  const sums = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    const base = o * block;
    extendBlock(source, base, lines, at, cval, ext);
    for (let y = 0; y < rows; y++) {
      const e0 = y * at.length * inner;
      const o0 = base + y * length * inner;
      if (inner === 1) {
        let sum = 0;
        for (let t = 0; t < size; t++) sum += ext[e0 + t]!;
        out[o0] = sum / size;
        for (let i = 1; i < length; i++) {
          sum += ext[e0 + i + size - 1]! - ext[e0 + i - 1]!;
          out[o0 + i] = sum / size;
        }
        continue;
      }
      sums.fill(0);
      for (let t = 0; t < size; t++) for (let j = 0; j < inner; j++) sums[j] = sums[j]! + ext[e0 + t * inner + j]!;
      for (let j = 0; j < inner; j++) out[o0 + j] = sums[j]! / size;
      for (let i = 1; i < length; i++) {
        const enter = e0 + (i + size - 1) * inner;
        const leave = e0 + (i - 1) * inner;
        const oi = o0 + i * inner;
        for (let j = 0; j < inner; j++) {
          const sum = sums[j]! + (ext[enter + j]! - ext[leave + j]!);
          sums[j] = sum;
          out[oi + j] = sum / size;
        }
      }
    }
  }
}

/**
 * Whether a separable filter on this backend runs as the typed-array passes above: on `cpu` and
 * `wasm`, whose tensors live in host memory, they beat tfjs's gather + conv2d (measured by
 * `scripts/bench-preprocess.mjs`) and equal scipy exactly. A backend that registers @lab/core's
 * `LabCorrelate1D` / `LabUniform1D` (@lab/backend-native) runs its own kernels instead, and
 * device backends (webgl, webgpu) keep the data there with the contracts' reference composites.
 */
export function filtersOnHost(): boolean {
  if (hasKernel(correlate1d) && hasKernel(uniform1d)) return false;
  const backend = tf.getBackend();
  return backend === 'cpu' || backend === 'wasm';
}

/**
 * One separable pass on the backend, through @lab/core's line-filter contracts (the backend's
 * kernel where it registers one, else the tfjs-ops reference): axis `axis` (1 = height, 2 =
 * width) of a float32 NHWC tensor, correlated with `weights` or, with `uniform`, averaged over a
 * window of `weights.length`, the edges extended by `mode`. Returns a new tensor; `x` is not disposed.
 */
export function filterAxisKernel(x: tf.Tensor4D, weights: readonly number[], axis: 1 | 2, mode: BoundaryMode, cval: number, uniform = false): tf.Tensor4D {
  const { outer, rows, length, inner } = axisLines(x.shape, axis);
  const indices = Array.from(extendedIndices(length, weights.length, mode));
  return tf.tidy(() => {
    const lines = tf.reshape(x, [outer * rows, length, inner]);
    const [out] = uniform
      ? callKernel(uniform1d, { x: lines }, { size: weights.length, indices, cval })
      : callKernel(correlate1d, { x: lines }, { weights: [...weights], indices, cval });
    return tf.reshape(out!, x.shape);
  });
}

/**
 * A tensor's values as a fresh float32 array that a host pass may overwrite (read once; integer
 * dtypes rounded to float32 as `tf.cast` rounds them).
 */
export function readFloat32(x: tf.Tensor): Float32Array {
  const data = x.dataSync() as Float32Array | Int32Array | Uint8Array;
  // dataSync may hand back the backend's own storage: never write into it.
  return data instanceof Float32Array ? data.slice() : Float32Array.from(data);
}
