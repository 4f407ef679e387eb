import * as tf from '@tensorflow/tfjs-core';
import { formatShape } from './shape.js';

/**
 * A table of named columns: numeric columns as `Float64Array` (NaN = missing), text columns as
 * string arrays (null = missing). All columns have the same length.
 */
export interface Table {
  /** Column names, in order. */
  names: string[];
  /** One column per name. */
  columns: (Float64Array | (string | null)[])[];
}

/** The number of rows of `table` (0 without columns). */
export function rowCount(table: Table): number {
  return table.columns[0]?.length ?? 0;
}

/**
 * The numeric columns of `table` as a float32 `[rows, columns]` tensor (the caller disposes it).
 * A text column is an error naming it; NaN stays NaN.
 */
export function tableToTensor(table: Table): tf.Tensor2D {
  const rows = rowCount(table);
  const cols = table.columns.length;
  const data = new Float32Array(rows * cols);
  table.columns.forEach((column, c) => {
    if (!(column instanceof Float64Array)) throw new Error(`tableToTensor: column ${c} ("${table.names[c]}") holds text, not numbers`);
    for (let r = 0; r < rows; r++) data[r * cols + c] = column[r]!;
  });
  return tf.tensor2d(data, [rows, cols]);
}

/** A 2-D tensor as a numeric table, with `names` (default `x0`, `x1`, …). Reads it synchronously; does not dispose it. */
export function tensorToTable(x: tf.Tensor, names?: readonly string[]): Table {
  if (x.rank !== 2) throw new Error(`tensorToTable: x must be 2-D [rows, columns], got shape ${formatShape(x.shape)}`);
  const [rows, cols] = x.shape as [number, number];
  if (names && names.length !== cols) throw new Error(`tensorToTable: ${names.length} names for ${cols} columns`);
  const values = x.dataSync();
  const columns = Array.from({ length: cols }, (_, c) => Float64Array.from({ length: rows }, (_, r) => values[r * cols + c]!));
  return { names: names ? [...names] : columns.map((_, c) => `x${c}`), columns };
}

/** The numeric table as `number[][]` rows, e.g. for a transformer. A text column is an error naming it. */
export function tableToRows(table: Table): number[][] {
  const numeric = table.columns.map((column, c) => {
    if (!(column instanceof Float64Array)) throw new Error(`tableToRows: column ${c} ("${table.names[c]}") holds text, not numbers`);
    return column;
  });
  return Array.from({ length: rowCount(table) }, (_, r) => numeric.map((column) => column[r]!));
}

/** Rows of numbers as a numeric table with `names` (default `x0`, `x1`, …). */
export function rowsToTable(rows: readonly (readonly number[])[], names?: readonly string[]): Table {
  const cols = names?.length ?? rows[0]?.length ?? 0;
  const columns = Array.from({ length: cols }, (_, c) => Float64Array.from(rows, (row) => row[c] ?? Number.NaN));
  return { names: names ? [...names] : columns.map((_, c) => `x${c}`), columns };
}
