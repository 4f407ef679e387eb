import { type Matrix, missingTest } from './matrix.js';

/**
 * The missing mask of `m` (1 = missing) for the `missingValues` marker, after scikit-learn's
 * input check: infinities are errors, and so is NaN when the marker is not NaN. Errors name the
 * row and column.
 */
export function missingMask(m: Matrix, marker: number, context: string): Uint8Array {
  const isMissing = missingTest(marker);
  const mask = new Uint8Array(m.data.length);
  for (let i = 0; i < m.data.length; i++) {
    const v = m.data[i]!;
    if (isMissing(v)) mask[i] = 1;
    else if (!Number.isFinite(v)) {
      const where = `row ${Math.floor(i / m.cols)}, column ${i % m.cols}`;
      throw new Error(`${context}: X has ${v} at ${where}; only finite values and the missingValues marker (${marker}) are allowed`);
    }
  }
  return mask;
}

/** Keeps the columns of `m` where `keep[c]` is true. */
export function selectColumns(m: Matrix, keep: ArrayLike<boolean>): Matrix {
  const columns: number[] = [];
  for (let c = 0; c < m.cols; c++) if (keep[c]) columns.push(c);
  const data = new Float64Array(m.rows * columns.length);
  for (let r = 0; r < m.rows; r++) {
    for (let j = 0; j < columns.length; j++) data[r * columns.length + j] = m.data[r * m.cols + columns[j]!]!;
  }
  return { data, rows: m.rows, cols: columns.length };
}
