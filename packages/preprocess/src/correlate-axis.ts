import * as tf from '@tensorflow/tfjs-core';
import type { BoundaryMode } from './boundary-mode.js';
import { boundaryIndex, extendedIndices } from './boundary-mode.js';

/**
 * `scipy.ndimage.correlate1d` on tfjs ops: correlates axis `axis` (1 = height, 2 = width) of a
 * float32 NHWC tensor with `weights` (centred at `weights.length // 2`), extending the edges by
 * `mode`. The edges are made by a small gather (or a pad) concatenated to the input, and the
 * correlation is one `valid` conv2d, so the backend's convolution does the work. On the `cpu`
 * backend, whose tensors live in JS memory and whose generic kernels are slow, the same pass runs
 * as a typed-array loop (accumulating in float64, as scipy does). Returns a new tensor; `x` is not
 * disposed.
 */
export function correlateAxis(x: tf.Tensor4D, weights: readonly number[], axis: 1 | 2, mode: BoundaryMode, cval: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const length = axis === 1 ? h : w;
  const outer = axis === 1 ? n : n * h;
  const inner = axis === 1 ? w * c : c;
  if (tf.getBackend() === 'cpu') {
    const out = correlateLines(x.dataSync() as Float32Array, outer, length, inner, weights, mode, cval);
    return tf.tensor4d(out, x.shape);
  }
  const k = weights.length;
  const before = Math.floor(k / 2);
  return tf.tidy(() => {
    const lines = tf.reshape(x, [outer, length, inner]);
    let extended: tf.Tensor;
    if (mode === 'constant') extended = tf.pad(lines, [[0, 0], [before, k - 1 - before], [0, 0]], cval);
    else {
      const indices = extendedIndices(length, k, mode);
      const edge = (from: number, to: number) => tf.gather(lines, tf.tensor1d(indices.slice(from, to), 'int32'), 1);
      const pieces = [edge(0, before), lines, edge(before + length, indices.length)].filter((t) => t.shape[1] !== 0);
      extended = pieces.length === 1 ? lines : tf.concat(pieces, 1);
    }
    const kernel = tf.tensor4d(weights as number[], [k, 1, 1, 1]);
    const out = tf.conv2d(tf.reshape(extended, [outer, length + k - 1, inner, 1]) as tf.Tensor4D, kernel, 1, 'valid');
    return tf.reshape(out, x.shape);
  });
}

/** The cpu pass: `outer` blocks of `length` lines of `inner` values, each line correlated with `weights`. */
function correlateLines(
  source: Float32Array,
  outer: number,
  length: number,
  inner: number,
  weights: readonly number[],
  mode: BoundaryMode,
  cval: number,
): Float32Array {
  const k = weights.length;
  const before = Math.floor(k / 2);
  const taps = Float64Array.from(weights);
  const out = new Float32Array(source.length);
  const line = new Float64Array(length + k - 1);
  const at = Int32Array.from({ length: length + k - 1 }, (_, i) => boundaryIndex(i - before, length, mode));
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * length * inner + j;
      for (let i = 0; i < line.length; i++) {
        const s = at[i]!;
        line[i] = s < 0 ? cval : source[base + s * inner]!;
      }
      for (let i = 0; i < length; i++) {
        let sum = 0;
        for (let t = 0; t < k; t++) sum += taps[t]! * line[i + t]!;
        out[base + i * inner] = sum;
      }
    }
  }
  return out;
}
