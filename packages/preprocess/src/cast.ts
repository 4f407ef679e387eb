import { any, checkOptions, oneOf } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { ANY_NUMBER } from './option-constraints.js';

/** What {@link cast} converts to. `uint8` is not a tfjs dtype: a tensor result holds it as int32. */
export type CastDtype = 'float32' | 'int32' | 'uint8' | 'bool';

/** Options of {@link cast}. */
export interface CastOptions {
  /** How floats become integers: `trunc` (default, as numpy's astype), `round` (half to even), `floor`, `ceil`. */
  rounding?: 'trunc' | 'round' | 'floor' | 'ceil';
  /** Out of the target range (and ±Infinity): `error` (default, naming the position) or `clip` to the range. */
  overflow?: 'error' | 'clip';
  /** NaN into an integer type: `error` (default, naming the position) or a number to put instead. */
  nan?: 'error' | number;
}

const RANGES = { int32: [-2147483648, 2147483647], uint8: [0, 255] } as const;

/**
 * Converts numbers between float32, int32, uint8 and bool with explicit policies, where numpy's
 * `astype` would silently wrap or produce garbage. To an integer type: values are rounded by
 * `rounding`, then range-checked by `overflow`; NaN follows `nan`. To `bool`: nonzero (and NaN)
 * is true. To `float32`: each value rounded to the nearest float32. Takes a tensor (read
 * synchronously; the result is a new tensor the caller disposes: int32 for `int32`/`uint8`,
 * float32, bool) or a typed array / number array (the result is a `Float32Array`, `Int32Array`,
 * `Uint8Array`, or for `bool` a `Uint8Array` of 0/1).
 *
 * @example
 * cast(new Float32Array([1.5, 2.5, -0.5]), 'int32', { rounding: 'round' }) // → Int32Array [2, 2, -0]
 */
export function cast(x: tf.Tensor, dtype: CastDtype, options?: CastOptions): tf.Tensor;
export function cast(x: ArrayLike<number>, dtype: CastDtype, options?: CastOptions): Float32Array | Int32Array | Uint8Array;
export function cast(x: tf.Tensor | ArrayLike<number>, dtype: CastDtype, options: CastOptions = {}): tf.Tensor | Float32Array | Int32Array | Uint8Array {
  // rounding keeps its own check (its message predates the constraints).
  checkOptions('cast', options, { rounding: any(), overflow: oneOf('error', 'clip'), nan: [oneOf('error'), ANY_NUMBER] });
  const rounding = options.rounding ?? 'trunc';
  if (!['trunc', 'round', 'floor', 'ceil'].includes(rounding)) throw new Error(`cast: rounding must be trunc, round, floor or ceil, got ${String(rounding)}`);
  const overflow = options.overflow ?? 'error';
  const nan = options.nan ?? 'error';
  if (!['float32', 'int32', 'uint8', 'bool'].includes(dtype)) throw new Error(`cast: dtype must be float32, int32, uint8 or bool, got ${String(dtype)}`);
  const isTensor = x instanceof tf.Tensor;
  if (isTensor && (x.dtype === 'string' || x.dtype === 'complex64')) throw new Error(`cast: x must be numeric, got dtype ${x.dtype}`);
  const values = isTensor ? (x.dataSync() as ArrayLike<number>) : x;
  const shape = isTensor ? x.shape : undefined;
  const where = (i: number) => (shape && shape.length > 1 ? `index ${i} (position [${unravel(i, shape).join(', ')}])` : `index ${i}`);
  let out: Float32Array | Int32Array | Uint8Array;
  if (dtype === 'float32') out = Float32Array.from(values);
  else if (dtype === 'bool') out = Uint8Array.from(values, (v) => (v !== 0 ? 1 : 0));
  else {
    const [low, high] = RANGES[dtype];
    out = dtype === 'int32' ? new Int32Array(values.length) : new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      let v = values[i]!;
      if (Number.isNaN(v)) {
        if (nan === 'error') throw new Error(`cast: NaN at ${where(i)} cannot be ${dtype}; pass nan: <number> to replace it`);
        v = nan;
      }
      v = round(v, rounding);
      if (v < low || v > high) {
        if (overflow === 'error') throw new Error(`cast: ${values[i]} at ${where(i)} is outside the ${dtype} range [${low}, ${high}]; pass overflow: 'clip' to clip it`);
        v = Math.min(Math.max(v, low), high);
      }
      out[i] = v;
    }
  }
  if (!isTensor) return out;
  return tf.tensor(dtype === 'uint8' ? Int32Array.from(out) : out, x.shape, dtype === 'uint8' ? 'int32' : dtype);
}

function round(v: number, rounding: NonNullable<CastOptions['rounding']>): number {
  switch (rounding) {
    case 'trunc':
      return Math.trunc(v);
    case 'floor':
      return Math.floor(v);
    case 'ceil':
      return Math.ceil(v);
    case 'round': {
      const r = Math.round(v);
      // Math.round rounds halves up; numpy (and IEEE) round them to even.
      return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
    }
  }
}

function unravel(index: number, shape: readonly number[]): number[] {
  const position = Array<number>(shape.length).fill(0);
  for (let a = shape.length - 1; a >= 0; a--) {
    position[a] = index % shape[a]!;
    index = Math.floor(index / shape[a]!);
  }
  return position;
}
