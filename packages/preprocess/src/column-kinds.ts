import { checkOptions, integer, object } from '@lab/core';
import { clip, parseCell } from './cells.js';
import { KIND_MISSING, parseBoolean, parseDate } from './column-kinds-cells.js';
import type { Table } from './table.js';

/** What a table column holds, as a model's preprocessing sees it. */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'date';

/** A column's name and kind. */
export interface ColumnSpec {
  /** The column's name in the table. */
  name: string;
  /** Its kind. */
  kind: ColumnKind;
}

/** Options of {@link inferColumnKinds}. */
export interface InferColumnKindsOptions {
  /** Kinds to use instead of the inferred ones, by column name. */
  kinds?: Record<string, ColumnKind>;
  /** More cells read as missing, by column name (e.g. `{ Sex: ['.'] }`), besides {@link KIND_MISSING}. */
  missing?: Record<string, readonly string[]>;
  /**
   * A numeric column whose values are all integers, with at most this many distinct ones, is
   * categorical (a code column such as `Cylinders`). Default 0: never, as a scikit-learn user
   * lists numeric columns as numeric.
   */
  maxIntegerCategories?: number;
}

/** Options of {@link coerceTable}. */
export interface CoerceTableOptions {
  /** More cells read as missing, by column name, besides {@link KIND_MISSING}. */
  missing?: Record<string, readonly string[]>;
}

const KINDS: readonly ColumnKind[] = ['numeric', 'categorical', 'boolean', 'date'];

/**
 * The kind of each column of `table`, in order. A `Float64Array` column is numeric; a text column
 * is numeric when every present cell is a number, boolean when every one is `true`/`false`/
 * `yes`/`no` (any case), date when every one is an ISO-like date (`1970-01-01`,
 * `1970-01-01T00:00:00`, `1970-01-01 00:00`), else categorical. A column with no present cell is
 * numeric (all missing). Missing cells are {@link KIND_MISSING} (empty, `NA`, `NaN`, `nan`, `N/A`,
 * `null`) plus `missing[column]`. `kinds` overrides the result; a name in `kinds` or `missing`
 * that is not a column is an error listing the columns.
 *
 * @example
 * inferColumnKinds({ names: ['a', 'b'], columns: [['1', 'NA'], ['x', 'yes']] })
 * // → [{ name: 'a', kind: 'numeric' }, { name: 'b', kind: 'categorical' }]
 */
export function inferColumnKinds(table: Table, options: InferColumnKindsOptions = {}): ColumnSpec[] {
  checkOptions('inferColumnKinds', options, { kinds: object(), missing: object(), maxIntegerCategories: integer({ min: 0 }) });
  const kinds = options.kinds ?? {};
  checkNames('inferColumnKinds', 'kinds', Object.keys(kinds), table.names);
  const missing = missingMarkers('inferColumnKinds', options.missing, table.names);
  return table.names.map((name, c) => {
    const given = kinds[name];
    if (given !== undefined && !KINDS.includes(given)) throw new Error(`inferColumnKinds: kinds["${clip(name)}"] must be one of ${KINDS.join(', ')}, got ${JSON.stringify(given)}`);
    return { name, kind: given ?? inferKind(table.columns[c]!, missing(name), options.maxIntegerCategories ?? 0) };
  });
}

function inferKind(column: Float64Array | readonly (string | null)[], markers: readonly string[], maxIntegerCategories: number): ColumnKind {
  const numbers = column instanceof Float64Array ? Array.from(column) : undefined;
  const present = numbers ? [] : (column as (string | null)[]).filter((v): v is string => v !== null && !markers.includes(v.trim()));
  const parsed = numbers ?? present.map((v) => parseCell(v, []) ?? Number.NaN);
  if (numbers || parsed.every((v) => !Number.isNaN(v))) {
    const values = parsed.filter((v) => !Number.isNaN(v));
    const integers = values.length > 0 && values.every(Number.isInteger);
    return integers && new Set(values).size <= maxIntegerCategories ? 'categorical' : 'numeric';
  }
  if (present.every((v) => parseBoolean(v) !== undefined)) return 'boolean';
  if (present.every((v) => parseDate(v) !== undefined)) return 'date';
  return 'categorical';
}

/**
 * The columns of `specs`, in their order, converted to their kinds: numeric, boolean (1/0) and
 * date columns as `Float64Array` (NaN = missing), categorical ones as text (null = missing). A date
 * becomes a fractional year in UTC (`1970-01-01` → 1970, `1970-07-02T12:00` → 1970.5): the number a
 * reader of the column expects, with the units of the year. A numeric column may be given as text
 * (parsed as {@link parseCell} does) and a categorical one as numbers (written as text, `3` →
 * `"3"`); a numeric column for a date or boolean one is taken as already converted (as this
 * function returns it), so coercing twice changes nothing. Missing cells: {@link KIND_MISSING}
 * plus `missing[column]`. Errors name the column and the 1-based data row of a cell that does not
 * fit its kind, and any spec'd column the table lacks. Numeric columns may share `table`'s arrays.
 */
export function coerceTable(table: Table, specs: readonly ColumnSpec[], options: CoerceTableOptions = {}): Table {
  checkOptions('coerceTable', options, { missing: object() });
  const missing = missingMarkers('coerceTable', options.missing, table.names);
  const columns = specs.map(({ name, kind }) => {
    const c = columnIndex('coerceTable', table, name);
    if (!KINDS.includes(kind)) throw new Error(`coerceTable: column "${clip(name)}" has kind ${JSON.stringify(kind)}; the kinds are ${KINDS.join(', ')}`);
    return coerceColumn(table.columns[c]!, name, kind, missing(name));
  });
  return { names: specs.map((s) => s.name), columns };
}

function coerceColumn(column: Float64Array | readonly (string | null)[], name: string, kind: ColumnKind, markers: readonly string[]): Float64Array | (string | null)[] {
  if (column instanceof Float64Array) {
    if (kind === 'categorical') return Array.from(column, (v) => (Number.isNaN(v) ? null : String(v)));
    if (kind === 'boolean') {
      const bad = column.findIndex((v) => !Number.isNaN(v) && v !== 0 && v !== 1);
      if (bad >= 0) throw new Error(`coerceTable: column "${clip(name)}" is boolean, but row ${bad + 1} holds ${column[bad]}, not 0 or 1`);
    }
    return column;
  }
  const isMissing = (v: string | null): v is null => v === null || markers.includes(v.trim());
  if (kind === 'categorical') return column.map((v) => (isMissing(v) ? null : v));
  const parse = kind === 'numeric' ? (v: string) => parseCell(v, []) : kind === 'boolean' ? parseBoolean : parseDate;
  const what = kind === 'numeric' ? 'a number' : kind === 'boolean' ? 'true/false/yes/no/1/0' : 'an ISO date (1970-01-01, 1970-01-01T00:00:00)';
  return Float64Array.from(column, (v, r) => {
    if (isMissing(v)) return Number.NaN;
    const value = parse(v);
    if (value === undefined) throw new Error(`coerceTable: column "${clip(name)}" is ${kind}, but row ${r + 1} holds ${JSON.stringify(clip(v))}, which is not ${what}`);
    return value;
  });
}

/** The index of the column `name` in `table`; an error listing the columns when there is none, or when it repeats. */
export function columnIndex(owner: string, table: Table, name: string): number {
  const c = table.names.indexOf(name);
  if (c < 0) throw new Error(`${owner}: the table has no column "${clip(name)}"; its columns are ${clip(table.names.join(', '), 300)}`);
  if (table.names.indexOf(name, c + 1) >= 0) throw new Error(`${owner}: the table has more than one column named "${clip(name)}"`);
  return c;
}

function checkNames(owner: string, option: string, names: readonly string[], columns: readonly string[]): void {
  const unknown = names.filter((n) => !columns.includes(n));
  if (unknown.length > 0) {
    throw new Error(`${owner}: ${option} names ${unknown.map((n) => `"${clip(n)}"`).join(', ')}, which ${unknown.length > 1 ? 'are not columns' : 'is not a column'}; the columns are ${clip(columns.join(', '), 300)}`);
  }
}

/** The missing markers of each column: {@link KIND_MISSING} plus the column's own, checked. */
function missingMarkers(owner: string, extra: Record<string, readonly string[]> | undefined, columns: readonly string[]): (name: string) => readonly string[] {
  const given = extra ?? {};
  checkNames(owner, 'missing', Object.keys(given), columns);
  for (const [name, markers] of Object.entries(given)) {
    if (!Array.isArray(markers) || !markers.every((m) => typeof m === 'string')) throw new Error(`${owner}: missing["${clip(name)}"] must be an array of strings`);
  }
  return (name) => (Object.hasOwn(given, name) ? [...KIND_MISSING, ...given[name]!] : KIND_MISSING);
}
