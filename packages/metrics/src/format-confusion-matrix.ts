import { array, checkOptions, integer } from '@lab/core';
import { formatFixed } from './format-fixed.js';

/** Options of {@link formatConfusionMatrix}. */
export interface FormatConfusionMatrixOptions {
  /** Row and column names, in matrix order. Default `0, 1, 2, ...` (pass the `labels` used). */
  names?: readonly (string | number)[];
  /** Decimals for normalized (non-integer) matrices. Default 2. */
  digits?: number;
}

/**
 * A confusion matrix (rows true, columns predicted) as a compact right-aligned text table, one
 * line per true class under a `true\pred` header, ending in a newline. Counts print as integers;
 * a normalized matrix prints with `digits` decimals. A 10x10 MNIST matrix fits in 80 columns.
 *
 * @example
 * console.log(formatConfusionMatrix([[2, 0], [1, 3]]));
 * // true\pred  0  1
 * //         0  2  0
 * //         1  1  3
 */
export function formatConfusionMatrix(matrix: readonly (readonly number[])[], options: FormatConfusionMatrixOptions = {}): string {
  checkOptions('formatConfusionMatrix', options, { names: array(), digits: integer({ min: 0, max: 100 }) });
  const digits = options.digits ?? 2;
  const names = (options.names ?? matrix.map((_, i) => i)).map(String);
  if (names.length !== matrix.length || matrix.some((row) => row.length !== matrix.length)) {
    throw new Error(
      `formatConfusionMatrix: expected a square matrix with one name per row; got ${matrix.length} rows and ${names.length} names`,
    );
  }
  const integers = matrix.every((row) => row.every(Number.isInteger));
  const cells = matrix.map((row) => row.map((v) => (integers ? String(v) : formatFixed(v, digits))));
  const corner = 'true\\pred';
  const width = Math.max(...names.map((n) => n.length), ...cells.flat().map((c) => c.length));
  const first = Math.max(corner.length, ...names.map((n) => n.length));
  const line = (head: string, row: readonly string[]) => `${head.padStart(first)}${row.map((c) => ` ${c.padStart(width)}`).join('')}\n`;
  return line(corner, names) + cells.map((row, i) => line(names[i]!, row)).join('');
}
