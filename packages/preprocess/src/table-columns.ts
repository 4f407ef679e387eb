import { checkOptions, closest, object } from '@lab/core';
import type { Table } from './table.js';

/** What a table column holds, as a model sees it. */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'date';

/** A column of a table and its kind. */
export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
}

const KINDS: readonly ColumnKind[] = ['numeric', 'categorical', 'boolean', 'date'];
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = new Map([
  ['true', 1],
  ['false', 0],
  ['yes', 1],
  ['no', 0],
]);
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

/** Options of {@link inferColumnKinds}. */
export interface InferColumnKindsOptions {
  /** Kinds to use instead of the inferred ones, by column name. */
  kinds?: Record<string, ColumnKind>;
}

/**
 * The kind of each column of `table`, from its non-missing cells: numbers (or text that all reads
 * as numbers) are `numeric`; `true`/`false`/`yes`/`no` (any case) `boolean`; ISO dates
 * (`2007-11-11`, optionally with a time) `date`; anything else `categorical`. `kinds` overrides a
 * column's kind; a name there that is not a column is an error naming it.
 */
export function inferColumnKinds(table: Table, options: InferColumnKindsOptions = {}): ColumnSpec[] {
  checkOptions('inferColumnKinds', options, { kinds: object() });
  const given = options.kinds ?? {};
  for (const [name, kind] of Object.entries(given)) {
    if (!table.names.includes(name)) {
      const hint = closest(name, table.names);
      throw new Error(`inferColumnKinds: kinds names '${name}', which is not a column${hint ? ` (did you mean '${hint}'?)` : ''}; the columns are ${table.names.join(', ')}`);
    }
    if (!KINDS.includes(kind)) throw new Error(`inferColumnKinds: kinds.${name} must be one of ${KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  }
  return table.names.map((name, c) => ({ name, kind: given[name] ?? kindOf(table.columns[c]!) }));
}

function kindOf(column: Table['columns'][number]): ColumnKind {
  if (column instanceof Float64Array) return 'numeric';
  const cells = column.filter((v): v is string => v !== null).map((v) => v.trim());
  if (cells.length === 0) return 'numeric';
  if (cells.every((v) => NUMBER.test(v))) return 'numeric';
  if (cells.every((v) => BOOLEAN.has(v.toLowerCase()))) return 'boolean';
  if (cells.every((v) => DATE.test(v) && !Number.isNaN(Date.parse(v)))) return 'date';
  return 'categorical';
}

/**
 * The columns of `table` named by `specs`, in their order, as their kinds hold them: `numeric`,
 * `boolean` (1 for true/yes, 0 for false/no) and `date` (the fractional year, UTC: `1970-07-02`
 * ≈ 1970.5) columns as Float64Array with NaN for missing; `categorical` as strings (numbers
 * written as text) with null for missing. A missing column, or a cell that does not fit its
 * kind, is an error naming the column and the 1-based row.
 */
export function coerceTable(table: Table, specs: readonly ColumnSpec[]): Table {
  const columns = specs.map(({ name, kind }) => {
    const index = table.names.indexOf(name);
    if (index < 0) throw new Error(`the table has no column '${name}'; its columns are ${table.names.join(', ')}`);
    const column = table.columns[index]!;
    if (kind === 'categorical') return column instanceof Float64Array ? Array.from(column, (v) => (Number.isNaN(v) ? null : String(v))) : [...column];
    if (column instanceof Float64Array) {
      if (kind === 'numeric') return column;
      const bad = column.findIndex((v) => !Number.isNaN(v) && (kind === 'date' || (v !== 0 && v !== 1)));
      if (bad >= 0) throw new Error(`column '${name}' row ${bad + 1}: ${column[bad]} is not a ${kind}`);
      return column;
    }
    return Float64Array.from(column, (cell, r) => {
      if (cell === null) return Number.NaN;
      const value = parseAs(cell.trim(), kind);
      if (value === undefined) throw new Error(`column '${name}' row ${r + 1}: ${JSON.stringify(cell.slice(0, 40))} is not ${kind === 'numeric' ? 'a number' : `a ${kind}`}`);
      return value;
    });
  });
  return { names: specs.map((s) => s.name), columns };
}

function parseAs(cell: string, kind: Exclude<ColumnKind, 'categorical'>): number | undefined {
  if (kind === 'numeric') return NUMBER.test(cell) ? Number(cell) : undefined;
  if (kind === 'boolean') return BOOLEAN.get(cell.toLowerCase());
  if (!DATE.test(cell)) return undefined;
  // A date without a zone is UTC (Date.parse reads a bare date as UTC but a date-time as local).
  const ms = Date.parse(/[T ]\d{2}:\d{2}/.test(cell) && !/(Z|[+-]\d{2}:?\d{2})$/.test(cell) ? `${cell.replace(' ', 'T')}Z` : cell);
  return Number.isNaN(ms) ? undefined : 1970 + ms / MS_PER_YEAR;
}
