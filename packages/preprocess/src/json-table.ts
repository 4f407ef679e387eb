import { clip } from './cells.js';
import type { Table } from './table.js';
import { rowCount } from './table.js';

type Cell = number | string | null;

/**
 * JSON as a {@link Table}: an array of records (`[{"a": 1, "b": "x"}]`, names from the first
 * record) or of rows (`[[1, 2]]`, names `x0`, `x1`, …). null is missing. A column is numeric when
 * all its cells are numbers or null, else text. Errors name the row and key.
 */
export function parseJsonTable(text: string, source = 'JSON'): Table {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON: ${clip((error as Error).message, 200)}`, { cause: error });
  }
  if (!Array.isArray(value)) throw new Error(`${source}: expected an array of rows or of records`);
  const first: unknown = value[0];
  const isRecords = first !== null && typeof first === 'object' && !Array.isArray(first);
  const names = isRecords ? Object.keys(first as object) : Array.from({ length: Array.isArray(first) ? first.length : 0 }, (_, c) => `x${c}`);
  const cells: Cell[][] = value.map((row: unknown, r) => {
    if (isRecords) {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new Error(`${source}: row ${r} is not a record like row 0`);
      const keys = Object.keys(row);
      const extra = keys.find((k) => !names.includes(k));
      if (extra !== undefined || keys.length !== names.length) throw new Error(`${source}: row ${r} has keys ${clip(keys.join(', '), 200)}; row 0 has ${clip(names.join(', '), 200)}`);
      return names.map((n) => checkCell((row as Record<string, unknown>)[n], source, r, n));
    }
    if (!Array.isArray(row) || row.length !== names.length) throw new Error(`${source}: row ${r} has ${Array.isArray(row) ? row.length : 'no'} values; row 0 has ${names.length}`);
    return row.map((v, c) => checkCell(v, source, r, names[c]!));
  });
  const columns = names.map((_, c) => {
    const column = cells.map((row) => row[c]!);
    return column.every((v) => typeof v === 'number' || v === null) ? Float64Array.from(column, (v) => (v as number | null) ?? Number.NaN) : column.map((v) => (v === null ? null : String(v)));
  });
  return { names, columns };
}

function checkCell(v: unknown, source: string, r: number, name: string): Cell {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  // Arrays and objects are named, not printed: they can be megabytes long or nested past the stack.
  const what = Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : String(v);
  throw new Error(`${source}: row ${r}, "${clip(name)}": ${what} is not a number, string or null`);
}

/**
 * A {@link Table} as JSON: records (default) or rows; NaN and missing text as null. Records need
 * unique column names (as pandas' `to_json(orient='records')`): a repeated name is an error, not a
 * silently dropped column. ±Infinity is an error naming the row and column: JSON has no such
 * number, and `JSON.stringify` would write null (read back as missing).
 */
export function formatJsonTable(table: Table, orient: 'records' | 'rows' = 'records'): string {
  const repeated = orient === 'records' ? table.names.find((n, c) => table.names.indexOf(n) !== c) : undefined;
  if (repeated !== undefined) throw new Error(`formatJsonTable: the column name "${clip(repeated)}" appears more than once; JSON records need unique names (rename it, or write rows)`);
  const cell = (c: number, r: number): Cell => {
    const v = table.columns[c]![r]!;
    if (typeof v === 'number' && (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY)) {
      // JSON.stringify would write null, which reads back as missing: a silent change of value.
      throw new Error(`formatJsonTable: row ${r + 1}, column "${clip(table.names[c] ?? String(c))}" is ${v}, which JSON cannot hold (write CSV, or replace it)`);
    }
    return typeof v === 'number' && Number.isNaN(v) ? null : v;
  };
  const rows = Array.from({ length: rowCount(table) }, (_, r) =>
    orient === 'rows' ? table.names.map((_, c) => cell(c, r)) : Object.fromEntries(table.names.map((n, c) => [n, cell(c, r)])),
  );
  return `${JSON.stringify(rows)}\n`;
}
