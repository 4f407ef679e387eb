import { DEFAULT_MISSING } from './cells.js';

/** Cells that {@link inferColumnKinds} and {@link coerceTable} read as missing: {@link DEFAULT_MISSING} and `null`. */
export const KIND_MISSING: readonly string[] = [...DEFAULT_MISSING, 'null'];

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

/** `true`/`yes`/`1` as 1, `false`/`no`/`0` as 0 (any case, surrounding spaces ignored); undefined otherwise. */
export function parseBoolean(cell: string): 0 | 1 | undefined {
  const text = cell.trim().toLowerCase();
  return TRUE.has(text) ? 1 : FALSE.has(text) ? 0 : undefined;
}

// 1970-01-01, 1970-01-01T00:00, 1970-01-01 00:00:00.5, each optionally with Z or ±hh:mm.
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO-like date or date-time as a fractional year: the year plus the fraction of it elapsed
 * (`1970-01-01` → 1970, `1970-07-02T12:00` → 1970.5), in UTC; a time without an offset is read as
 * UTC, so the result does not depend on the machine's time zone. Undefined for anything else,
 * including impossible dates (`2023-02-30`).
 */
export function parseDate(cell: string): number | undefined {
  const match = DATE.exec(cell.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const date = utc(year, month - 1, day);
  if (date.getUTCDate() !== day) return undefined;
  date.setUTCHours(hour, minute, second);
  const local = date.getTime() + (frac ? Number(frac) * 1000 : 0);
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
  return fractionalYear(local - offset);
}

/** Milliseconds since the epoch (UTC) as a fractional year. */
function fractionalYear(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const start = utc(year, 0, 1).getTime();
  return year + (ms - start) / (utc(year + 1, 0, 1).getTime() - start);
}

/** Midnight UTC of a date; unlike `Date.UTC`, years 0–99 are not taken as 1900–1999. */
function utc(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}
