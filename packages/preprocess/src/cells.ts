/** Cells read as missing by default: empty, `NA`, `NaN`, `nan` (pandas' and numpy's usual spellings). */
export const DEFAULT_MISSING: readonly string[] = ['', 'NA', 'NaN', 'nan', 'N/A'];

// `\d+(\.\d*)?`, not `\d+\.?\d*`: the latter backtracks quadratically on a long run of digits
// that does not end a number (a 1 MB cell of digits and one letter took minutes).
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?(inf|infinity)$/i;

/**
 * A cell as a number: NaN if it is one of `missing`, ±Infinity for `inf`/`Infinity`, else a
 * decimal number; undefined when it is none of these.
 */
export function parseCell(cell: string, missing: readonly string[]): number | undefined {
  const text = cell.trim();
  if (missing.includes(text)) return Number.NaN;
  if (NUMBER.test(text)) return Number(text);
  if (INFINITY.test(text)) return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return undefined;
}

/**
 * A number as text that parses back to the same float64 (JavaScript's shortest round-trip form);
 * NaN as `missing`, infinities as `inf` / `-inf` (numpy's spelling).
 */
export function formatCell(value: number, missing: string): string {
  if (Number.isNaN(value)) return missing;
  if (value === Number.POSITIVE_INFINITY) return 'inf';
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * `text` cut to `max` characters, saying how long it was, for quoting a cell, name or message in
 * an error: a cell can be megabytes long.
 */
export function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
