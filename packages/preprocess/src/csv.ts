import { array, boolean, checkOptions, string } from '@lab/core';
import { parse } from 'csv-parse/browser/esm/sync';
import { clip, DEFAULT_MISSING, formatCell, parseCell } from './cells.js';
import { MARKER } from './option-constraints.js';
import type { Table } from './table.js';
import { rowCount } from './table.js';
import { TableBuilder } from './table-builder.js';

/** The constraints of {@link CsvReadOptions}. */
export const CSV_READ_OPTIONS = { delimiter: MARKER, header: boolean(), stringColumns: array(string()), inferTypes: boolean(), missing: array(string()), source: string() };

/** Options of {@link parseCsv}. */
export interface CsvReadOptions {
  /** Field separator; default `,`. */
  delimiter?: string;
  /** Whether the first row holds column names; default true (else columns are `x0`, `x1`, …). */
  header?: boolean;
  /** Columns kept as text; every other column must hold numbers. Default none. */
  stringColumns?: readonly string[];
  /**
   * Tell numeric columns from text ones by their cells instead of `stringColumns`: a column whose
   * cells are all numbers or missing is numeric, any other is text (`stringColumns` then has no
   * effect). Default false.
   */
  inferTypes?: boolean;
  /** Cells read as missing (NaN, or null in a text column); default `''`, `NA`, `NaN`, `nan`, `N/A`. */
  missing?: readonly string[];
  /** Name of the file, first in error messages; default `CSV`. */
  source?: string;
}

/** csv-parse's error, as far as this package reads it. */
interface CsvParseError extends Error {
  code?: string;
  lines?: number;
}

/**
 * Reads RFC 4180 CSV text (quoted fields with delimiters, quotes and newlines inside; a UTF-8 BOM
 * is skipped) into a {@link Table}, with csv-parse. Numeric columns unless named in
 * `stringColumns`. Errors name the line and column: a ragged row, a non-numeric cell in a numeric
 * column, an unclosed quote.
 *
 * @example
 * parseCsv('a,b\n1,NA\n"2",3\n') // → { names: ['a', 'b'], columns: [Float64Array [1, 2], Float64Array [NaN, 3]] }
 */
export function parseCsv(text: string, options: CsvReadOptions = {}): Table {
  checkOptions('parseCsv', options, CSV_READ_OPTIONS);
  const source = options.source ?? 'CSV';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter: options.delimiter ?? ',', info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    throw csvError(error, source);
  }
  const [first, ...rest] = records;
  const width = first?.record.length ?? 0;
  const header = options.header ?? true;
  const names = header ? (first?.record ?? []) : Array.from({ length: width }, (_, c) => `x${c}`);
  const missing = options.missing ?? DEFAULT_MISSING;
  const builder = new TableBuilder(names, options.inferTypes ? names : (options.stringColumns ?? []), missing, source);
  for (const { record, info } of header ? rest : records) builder.add(record, info.lines);
  const table = builder.build();
  return options.inferTypes ? numericWherePossible(table, missing) : table;
}

/** `table` with each text column whose cells all read as numbers (or missing) turned numeric. */
function numericWherePossible(table: Table, missing: readonly string[]): Table {
  const columns = table.columns.map((column) => {
    if (column instanceof Float64Array) return column;
    const values = new Float64Array(column.length);
    for (let r = 0; r < column.length; r++) {
      const cell = column[r] ?? null;
      const value = cell === null ? Number.NaN : parseCell(cell, missing);
      if (value === undefined) return column;
      values[r] = value;
    }
    return values;
  });
  return { names: table.names, columns };
}

/** csv-parse's error as one naming the source and line. */
export function csvError(error: unknown, source: string): Error {
  const e = error as CsvParseError;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return new Error(`${source}: line ${e.lines}: a quoted field is never closed`, { cause: error });
  // csv-parse quotes the field at fault, which can be megabytes long.
  return new Error(`${source}: ${clip(String(e.message), 300)}`, { cause: error });
}

/** Options of {@link formatCsv}. */
export interface CsvWriteOptions {
  /** Field separator; default `,`. */
  delimiter?: string;
  /** Write the column names first; default true. */
  header?: boolean;
}

/**
 * A {@link Table} as RFC 4180 CSV text: fields quoted only when they hold the delimiter, a quote
 * or a line break; numbers in the shortest form that parses back to the same float64; missing
 * cells empty. Lines end in `\n`.
 */
export function formatCsv(table: Table, options: CsvWriteOptions = {}): string {
  checkOptions('formatCsv', options, { delimiter: MARKER, header: boolean() });
  const delimiter = options.delimiter ?? ',';
  const lines: string[] = [];
  if (options.header ?? true) lines.push(csvLine(table.names, delimiter));
  for (let r = 0; r < rowCount(table); r++) lines.push(csvLine(csvRow(table, r), delimiter));
  return lines.map((l) => `${l}\n`).join('');
}

/** Row `r` of `table` as CSV fields (unquoted). */
export function csvRow(table: Table, r: number): string[] {
  return table.columns.map((column) => (column instanceof Float64Array ? formatCell(column[r]!, '') : (column[r] ?? '')));
}

/** One CSV line (without its line break), quoting fields as RFC 4180 requires. */
export function csvLine(fields: readonly string[], delimiter = ','): string {
  // A lone empty field would be an empty line, which readers skip.
  if (fields.length === 1 && fields[0] === '') return '""';
  return fields.map((f) => (f.includes(delimiter) || /["\r\n]/.test(f) || f !== f.trim() ? `"${f.replaceAll('"', '""')}"` : f)).join(delimiter);
}
