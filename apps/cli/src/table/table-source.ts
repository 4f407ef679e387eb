import path from 'node:path';
import { closest } from '@lab/core';
import { DEFAULT_MISSING, rowCount, type Table, type TableColumn } from '@lab/preprocess';
import { readTableFile } from '@lab/preprocess/node';
import { UsageError } from '../errors.js';

/** The extensions `--data FILE` reads as a table (anything else is an IDX image folder). */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.dat', '.json'] as const;

/** Whether `--data` names a table file rather than an IDX image folder. */
export function isTableFile(data: string | undefined): data is string {
  return data !== undefined && (TABLE_EXTENSIONS as readonly string[]).includes(path.extname(data).toLowerCase());
}

/** Cells read as missing in every table: the parsers' defaults and JSON's `null` spelled out. */
export const TABLE_MISSING: readonly string[] = [...DEFAULT_MISSING, 'null', 'NULL'];

/** A table file read for training or prediction. */
export interface TableInput {
  /** The file, as given. */
  file: string;
  /** Every column the file holds, in order. */
  table: Table;
}

/**
 * Reads a CSV, TSV, TXT or JSON table whole, numbers and text told apart by their cells; cells in
 * {@link TABLE_MISSING} and in `missing` are missing. Errors name the file, line and column.
 */
export async function readTableInput(file: string, missing: readonly string[] = []): Promise<TableInput> {
  const markers = [...TABLE_MISSING, ...missing];
  const json = path.extname(file).toLowerCase() === '.json';
  try {
    const table = await readTableFile(file, json ? {} : { inferTypes: true, missing: markers });
    if (table.names.length === 0 || rowCount(table) === 0) throw new Error(`${file}: the table has no ${table.names.length === 0 ? 'columns' : 'rows'}`);
    return { file, table: json ? markMissing(table, markers) : table };
  } catch (error) {
    throw new UsageError(String((error as Error).message), 2);
  }
}

/** JSON text cells that are missing-value markers (`"NA"`, `"."` with `--missing .`) become null. */
function markMissing(table: Table, markers: readonly string[]): Table {
  const set = new Set(markers.map((m) => m.trim()));
  return { names: table.names, columns: table.columns.map((c) => (c instanceof Float64Array ? c : c.map((v) => (v !== null && set.has(v.trim()) ? null : v)))) };
}

/** A column of `input` by name, or a usage error naming `flag`, the file and the closest column. */
export function columnIndex(input: TableInput, name: string, flag: string): number {
  const index = input.table.names.indexOf(name);
  if (index >= 0) return index;
  const hint = closest(name, input.table.names);
  throw new UsageError(
    `${flag} ${name}: ${input.file} has no column '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}; its columns are ${input.table.names.join(', ')}`,
    2,
  );
}

/** The rows of `table` at `rows`, every column. */
export function takeTableRows(table: Table, rows: ArrayLike<number>): Table {
  const pick = (column: TableColumn) => (column instanceof Float64Array ? Float64Array.from(rows, (r) => column[r]!) : Array.from(rows, (r) => column[r]!));
  return { names: [...table.names], columns: table.columns.map(pick) as Table['columns'] };
}

/** The feature table and target column of a training table, with the rows whose target is missing dropped (and counted). */
export interface SplitTable {
  features: Table;
  target: TableColumn;
  targetName: string;
  /** Rows dropped because their target was missing. */
  dropped: number;
}

/** Splits `input` into features (all columns but the target and `ignore`) and the target, dropping rows without a target. */
export function splitTarget(input: TableInput, target: string, ignore: readonly string[]): SplitTable {
  const t = columnIndex(input, target, '--target');
  const ignored = new Set(ignore.map((name) => columnIndex(input, name, '--ignore')));
  if (ignored.has(t)) throw new UsageError(`--ignore ${target}: the target column cannot be ignored`, 2);
  const column = input.table.columns[t]!;
  const keep: number[] = [];
  for (let r = 0; r < column.length; r++) {
    const v = column[r];
    if (v !== null && !(typeof v === 'number' && Number.isNaN(v))) keep.push(r);
  }
  if (keep.length === 0) throw new UsageError(`--target ${target}: every row of ${input.file} lacks a value in '${target}'`, 2);
  const rows = takeTableRows(input.table, keep);
  const featureIndices = rows.names.map((_, c) => c).filter((c) => c !== t && !ignored.has(c));
  if (featureIndices.length === 0) throw new UsageError(`${input.file}: no feature columns are left besides the target '${target}'`, 2);
  return {
    features: { names: featureIndices.map((c) => rows.names[c]!), columns: featureIndices.map((c) => rows.columns[c]!) },
    target: rows.columns[t]!,
    targetName: target,
    dropped: column.length - keep.length,
  };
}
