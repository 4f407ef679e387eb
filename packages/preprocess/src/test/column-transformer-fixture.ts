import { expect } from 'vitest';
import type { Table } from '../table.js';

// Helpers of the ColumnTransformer tests against scikit-learn's fixture.

/** Raw cells by column name. */
export type Cells = Record<string, (string | number | null)[]>;

/** Raw cells as a reader gives them: a column of numbers (and nulls) as Float64Array, else text. */
export function rawTable(names: readonly string[], cells: Cells): Table {
  return {
    names: [...names],
    columns: names.map((n) => {
      const column = cells[n]!;
      return column.every((v) => v === null || typeof v === 'number') ? Float64Array.from(column, (v) => (v as number | null) ?? Number.NaN) : column.map((v) => (v === null ? null : String(v)));
    }),
  };
}

/** `actual` (float32) equals `expected` (float64) to float32 precision, cell by cell. */
export function expectMatrix(actual: { rows: number; cols: number; data: Float32Array }, expected: number[][], label: string): void {
  expect([actual.rows, actual.cols], label).toEqual([expected.length, expected[0]?.length ?? actual.cols]);
  expected.forEach((row, r) => {
    row.forEach((v, c) => {
      const got = actual.data[r * actual.cols + c]!;
      expect(Math.abs(got - v) <= 1e-6 * Math.max(1, Math.abs(v)), `${label} [${r}, ${c}]: ${got}, scikit-learn ${v}`).toBe(true);
    });
  });
}
