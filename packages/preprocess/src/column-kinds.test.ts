import { describe, expect, it } from 'vitest';
import { coerceTable, inferColumnKinds } from './column-kinds.js';
import { parseBoolean, parseDate } from './column-kinds-cells.js';
import type { Table } from './table.js';

const table: Table = {
  names: ['mass', 'count', 'smoker', 'visit', 'island', 'code', 'empty'],
  columns: [
    Float64Array.of(3750, Number.NaN, 4100.5),
    ['3', 'NA', ' 1e2 '],
    ['Yes', 'no', null],
    ['2007-11-11', 'null', '2008-01-02T10:30'],
    ['Biscoe', '', 'Dream'],
    Float64Array.of(4, 8, 4),
    ['', 'NaN', null],
  ],
};

describe('inferColumnKinds', () => {
  it('tells numbers (as numbers or as text), booleans, dates and categories apart; an all-missing column is numeric', () => {
    expect(inferColumnKinds(table).map((s) => s.kind)).toEqual(['numeric', 'numeric', 'boolean', 'date', 'categorical', 'numeric', 'numeric']);
  });

  it('takes overrides, per-column missing markers and integer codes as categories when asked', () => {
    const t: Table = { names: ['sex', 'n'], columns: [['MALE', '.', 'FEMALE'], ['1', '.', '2']] };
    expect(inferColumnKinds(t).map((s) => s.kind)).toEqual(['categorical', 'categorical']);
    expect(inferColumnKinds(t, { missing: { n: ['.'] } }).map((s) => s.kind)).toEqual(['categorical', 'numeric']);
    expect(inferColumnKinds(t, { missing: { n: ['.'] }, kinds: { sex: 'numeric' } })[0]!.kind).toBe('numeric');
    expect(inferColumnKinds(table, { maxIntegerCategories: 2 }).find((s) => s.name === 'code')!.kind).toBe('categorical');
    expect(inferColumnKinds(table, { maxIntegerCategories: 1 }).find((s) => s.name === 'code')!.kind).toBe('numeric');
  });

  it('names an unknown column, kind or option', () => {
    expect(() => inferColumnKinds(table, { kinds: { Mass: 'numeric' } })).toThrow('inferColumnKinds: kinds names "Mass", which is not a column; the columns are mass, count, smoker, visit, island, code, empty');
    expect(() => inferColumnKinds(table, { missing: { nope: ['.'] } })).toThrow('missing names "nope"');
    expect(() => inferColumnKinds(table, { kinds: { mass: 'text' as 'numeric' } })).toThrow('kinds["mass"] must be one of numeric, categorical, boolean, date, got "text"');
    expect(() => inferColumnKinds(table, { kind: {} } as never)).toThrow("unknown option 'kind' (did you mean 'kinds'?)");
  });
});

describe('coerceTable', () => {
  it('converts each column to its kind, in the order of the specs', () => {
    const specs = inferColumnKinds(table);
    const out = coerceTable(table, [specs[3]!, ...specs.slice(0, 3), specs[4]!]);
    expect(out.names).toEqual(['visit', 'mass', 'count', 'smoker', 'island']);
    const visit = out.columns[0] as Float64Array;
    expect(visit[0]).toBeCloseTo(2007 + 314 / 365, 12); // 11 November: day 315 of 365
    expect(Number.isNaN(visit[1]!)).toBe(true);
    expect(visit[2]).toBeCloseTo(2008 + (1 + 10.5 / 24) / 366, 12); // 2008 is a leap year
    expect(out.columns[1]).toBe(table.columns[0]); // numeric columns are shared, not copied
    expect(out.columns[2]).toEqual(Float64Array.of(3, Number.NaN, 100));
    expect(out.columns[3]).toEqual(Float64Array.of(1, 0, Number.NaN));
    expect(out.columns[4]).toEqual(['Biscoe', null, 'Dream']);
    // Coercing the result again changes nothing.
    expect(coerceTable(out, [specs[3]!, ...specs.slice(0, 3), specs[4]!])).toEqual(out);
  });

  it('writes numbers of a categorical column as text and applies per-column missing markers', () => {
    const out = coerceTable(table, [{ name: 'code', kind: 'categorical' }, { name: 'island', kind: 'categorical' }], { missing: { island: ['Dream'] } });
    expect(out.columns).toEqual([['4', '8', '4'], ['Biscoe', null, null]]);
  });

  it('names the column and 1-based row of a cell that does not fit, and a column the table lacks', () => {
    expect(() => coerceTable(table, [{ name: 'island', kind: 'numeric' }])).toThrow('coerceTable: column "island" is numeric, but row 1 holds "Biscoe", which is not a number');
    expect(() => coerceTable(table, [{ name: 'count', kind: 'date' }])).toThrow('column "count" is date, but row 1 holds "3", which is not an ISO date');
    expect(() => coerceTable(table, [{ name: 'smoker', kind: 'numeric' }])).toThrow('row 1 holds "Yes"');
    expect(() => coerceTable(table, [{ name: 'code', kind: 'boolean' }])).toThrow('coerceTable: column "code" is boolean, but row 1 holds 4, not 0 or 1');
    expect(() => coerceTable(table, [{ name: 'weight', kind: 'numeric' }])).toThrow('coerceTable: the table has no column "weight"; its columns are mass, count');
    expect(() => coerceTable(table, [{ name: 'mass', kind: 'number' as 'numeric' }])).toThrow('has kind "number"; the kinds are numeric, categorical, boolean, date');
  });
});

describe('cell parsers', () => {
  it('reads booleans in any case', () => {
    expect(['true', 'YES', ' No ', 'false', '1', '0', 'y', ''].map(parseBoolean)).toEqual([1, 1, 0, 0, 1, 0, undefined, undefined]);
  });

  it('reads ISO-like dates as fractional UTC years and refuses impossible ones', () => {
    expect(parseDate('1970-01-01')).toBe(1970);
    expect(parseDate('1970-07-02T12:00')).toBe(1970.5);
    expect(parseDate('1970-07-02 12:00:00')).toBe(1970.5);
    expect(parseDate('1970-07-02T14:00+02:00')).toBe(1970.5);
    expect(parseDate('1970-07-02T12:00:00.000Z')).toBe(1970.5);
    expect(parseDate('0050-01-01')).toBe(50); // not 1950
    expect(parseDate('2024-02-29')).toBeCloseTo(2024 + 59 / 366, 12);
    for (const bad of ['2023-02-29', '2023-13-01', '2023-1-01', '2023-01-01T25:00', '01/02/2023', 'soon']) expect(parseDate(bad), bad).toBeUndefined();
  });
});
