import * as tf from '@tensorflow/tfjs-core';
import { formatShape } from './shape.js';

/** A row-major 2-D array of numbers with its shape, for callers without tensors. */
export interface MatrixArray<T extends Float32Array | Float64Array = Float32Array | Float64Array> {
  /** `shape[0] * shape[1]` values, row after row. */
  data: T;
  /** `[rows, columns]`. */
  shape: readonly [number, number];
}

/**
 * A table of numbers, samples in rows and features in columns: a 2-D tensor, a `MatrixArray`
 * (typed array with its shape), or `number[][]`. Transformers return the same kind they are given:
 * a float32 `tf.Tensor2D` (computed in float64, rounded once), a `MatrixArray` of the same typed
 * array class, or `number[][]`.
 */
export type MatrixInput = tf.Tensor | MatrixArray | readonly (readonly number[])[];

/** What a transformer returns for an input of type `T`. */
export type MatrixOutput<T extends MatrixInput> = T extends tf.Tensor
  ? tf.Tensor2D
  : T extends MatrixArray<infer A>
    ? MatrixArray<A>
    : number[][];

/** A matrix read for computing: float64 values, row-major. */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

/**
 * Reads any {@link MatrixInput} into float64 (a tensor synchronously), with errors that name
 * `context`, the shape or the ragged row.
 */
export function readMatrix(x: MatrixInput, context: string): Matrix {
  if (x instanceof tf.Tensor) {
    if (x.rank !== 2) throw new Error(`${context}: X must be 2-D [samples, features], got a tensor of shape ${formatShape(x.shape)}`);
    if (x.dtype === 'string' || x.dtype === 'complex64') throw new Error(`${context}: X must be numeric, got dtype ${x.dtype}`);
    return { data: Float64Array.from(x.dataSync() as ArrayLike<number>), rows: x.shape[0]!, cols: x.shape[1]! };
  }
  if (Array.isArray(x)) {
    const rows = x as readonly (readonly number[])[];
    const cols = rows[0]?.length ?? 0;
    const data = new Float64Array(rows.length * cols);
    rows.forEach((row, r) => {
      if (!Array.isArray(row) || row.length !== cols) {
        throw new Error(`${context}: X must be rectangular: row 0 has ${cols} values, row ${r} has ${Array.isArray(row) ? row.length : 'none'}`);
      }
      for (let c = 0; c < cols; c++) {
        const v = row[c];
        if (typeof v !== 'number') throw new Error(`${context}: X[${r}][${c}] is ${JSON.stringify(v)}, not a number`);
        data[r * cols + c] = v;
      }
    });
    return { data, rows: rows.length, cols };
  }
  const { data, shape } = x as MatrixArray;
  if (!(data instanceof Float32Array || data instanceof Float64Array) || !Array.isArray(shape) || shape.length !== 2) {
    throw new Error(`${context}: X must be a tf.Tensor, number[][] or { data: Float32Array | Float64Array, shape: [rows, cols] }`);
  }
  const [rows, cols] = shape;
  if (rows * cols !== data.length) {
    throw new Error(`${context}: X has ${data.length} values, which does not fit shape ${formatShape(shape)}`);
  }
  return { data: Float64Array.from(data), rows, cols };
}

/** Returns `m` as the same kind of value as `like` (see {@link MatrixInput}). */
export function writeMatrix<T extends MatrixInput>(m: Matrix, like: T): MatrixOutput<T> {
  const { data, rows, cols } = m;
  if (like instanceof tf.Tensor) return tf.tensor2d(Float32Array.from(data), [rows, cols]) as MatrixOutput<T>;
  if (Array.isArray(like)) {
    const out: number[][] = [];
    for (let r = 0; r < rows; r++) out.push(Array.from(data.subarray(r * cols, (r + 1) * cols)));
    return out as MatrixOutput<T>;
  }
  const typed = (like as MatrixArray).data instanceof Float32Array ? Float32Array.from(data) : data;
  return { data: typed, shape: [rows, cols] } as unknown as MatrixOutput<T>;
}

/** `value is missing` for a `missingValues` marker: NaN matches NaN, anything else by `===`. */
export function missingTest(marker: number): (value: number) => boolean {
  return Number.isNaN(marker) ? Number.isNaN : (value) => value === marker;
}
