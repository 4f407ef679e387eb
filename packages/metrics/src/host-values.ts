import * as tf from '@tensorflow/tfjs-core';
import { formatShape, inputShape, type LabelsInput } from './label-input.js';

/**
 * Numbers for the metrics computed on the host in float64 (regression, ranking): a Tensor, a JS
 * array (`number[]`, typed arrays) or an array of rows (`number[][]`). Never disposed by lab.
 */
export type ValuesInput = LabelsInput;

/** A 1-D or 2-D input read back to the host, row-major, in float64. */
export interface HostMatrix {
  data: Float64Array;
  rows: number;
  /** 1 for 1-D input. */
  columns: number;
  /** The input's rank, 1 or 2. */
  rank: 1 | 2;
}

/**
 * Reads `input` back (one synchronous read for a tensor) into float64, checking its rank (1 or 2)
 * and that every value is finite, as scikit-learn's `check_array` does: NaN or infinity is an
 * error naming `fn`, `name` and the first bad element.
 */
export function readMatrix(input: ValuesInput, fn: string, name: string): HostMatrix {
  const shape = inputShape(input);
  if (shape.length !== 1 && shape.length !== 2) {
    throw new Error(`${fn}: ${name} must be 1-D or 2-D; got shape ${formatShape(shape)}`);
  }
  if (input instanceof tf.Tensor && (input.dtype === 'string' || input.dtype === 'complex64')) {
    throw new Error(`${fn}: ${name} must be numeric or bool, got dtype ${input.dtype}`);
  }
  const rows = shape[0]!;
  const columns = shape.length === 2 ? shape[1]! : 1;
  let data: Float64Array;
  if (input instanceof tf.Tensor) {
    data = Float64Array.from(input.dataSync() as ArrayLike<number>);
  } else if (shape.length === 2) {
    data = new Float64Array(rows * columns);
    const table = input as readonly ArrayLike<number>[];
    for (let i = 0; i < rows; i++) {
      const row = table[i]!;
      if (row.length !== columns) {
        throw new Error(`${fn}: ${name}[${i}] has ${row.length} values but ${name}[0] has ${columns}; rows must have the same length`);
      }
      for (let j = 0; j < columns; j++) data[i * columns + j] = row[j]!;
    }
  } else {
    data = Float64Array.from(input as ArrayLike<number>);
  }
  checkFinite(data, columns, shape.length, fn, name);
  return { data, rows, columns, rank: shape.length as 1 | 2 };
}

/**
 * A host matrix from values already read back (e.g. by an awaited `tensor.data()`) and their
 * 1-D or 2-D shape, copied into float64 and checked finite as {@link readMatrix} checks them.
 */
export function matrixFromData(values: ArrayLike<number>, shape: readonly number[], fn: string, name: string): HostMatrix {
  const rows = shape[0]!;
  const columns = shape.length === 2 ? shape[1]! : 1;
  const data = Float64Array.from(values);
  checkFinite(data, columns, shape.length, fn, name);
  return { data, rows, columns, rank: shape.length as 1 | 2 };
}

/** NaN or infinity in `data` is an error naming `fn`, `name` and the first bad element. */
function checkFinite(data: Float64Array, columns: number, rank: number, fn: string, name: string): void {
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) {
      const where = rank === 2 ? `[${Math.floor(i / columns)}][${i % columns}]` : `[${i}]`;
      throw new Error(`${fn}: ${name}${where} is ${data[i]}; ${name} must hold finite numbers (no NaN or infinity)`);
    }
  }
}

/** Column `j` of a host matrix. */
export function column(m: HostMatrix, j: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.columns + j]!;
  return out;
}
