import { DEFAULT_MISSING, parseCsv, parseJsonTable, rowCount, type Table } from '@lab/preprocess';

/** Cells read as missing in every table, as `lab` reads them: the parsers' defaults and JSON's `null` spelled out. */
export const TABLE_MISSING: readonly string[] = [...DEFAULT_MISSING, 'null', 'NULL'];

/** The table formats the page reads, by file extension. */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.json'] as const;

/** The extension of `name`, lower-cased (`.csv`), or '' without one. */
function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/**
 * Reads a CSV, TSV or JSON table file's text as `lab train --data FILE` and `lab predict` read it
 * (apps/cli's readTableInput): CSV and TSV with numbers and text told apart by their cells, JSON
 * as records or rows; cells in {@link TABLE_MISSING} and in `missing` (e.g. `.`) are missing.
 * Errors name the file (and the parsers' line and column).
 */
export function readTableText(name: string, text: string, missing: readonly string[] = []): Table {
  const ext = extension(name);
  if (!(TABLE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new Error(`${name}: cannot tell the table format from the extension "${ext}"; use ${TABLE_EXTENSIONS.join(', ')}`);
  }
  const markers = [...TABLE_MISSING, ...missing];
  const table =
    ext === '.json'
      ? markMissing(parseJsonTable(text, name), markers)
      : parseCsv(text, { inferTypes: true, missing: markers, delimiter: ext === '.tsv' ? '\t' : ',', source: name });
  if (table.names.length === 0 || rowCount(table) === 0) throw new Error(`${name}: the table has no ${table.names.length === 0 ? 'columns' : 'rows'}`);
  return table;
}

/** JSON text cells that are missing-value markers (`"NA"`, `"."` when asked) become null, as the CLI does. */
function markMissing(table: Table, markers: readonly string[]): Table {
  const set = new Set(markers.map((m) => m.trim()));
  return { names: table.names, columns: table.columns.map((c) => (c instanceof Float64Array ? c : c.map((v) => (v !== null && set.has(v.trim()) ? null : v)))) };
}

/** Missing markers typed by the user, as `--missing` takes them: comma-separated, each trimmed, empty ones dropped (`". , ?"` → `['.', '?']`). */
export function parseMarkers(text: string): string[] {
  return text
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
}
