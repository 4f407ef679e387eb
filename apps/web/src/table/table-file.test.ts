import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { readTableFile } from '@lab/preprocess/node';
import { describe, expect, it } from 'vitest';
import { parseMarkers, readTableText, TABLE_MISSING } from './table-file.js';

// vega-datasets (a devDependency) exports only build/index.js; its data folder sits beside build/.
const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');

describe('readTableText', () => {
  it('reads CSV with numbers and text told apart, the default and the given missing markers as missing', () => {
    const table = readTableText('t.csv', 'a,b,c\n1,x,.\nNA,y,2\nnull,.,3\n', ['.']);
    expect(table.names).toEqual(['a', 'b', 'c']);
    expect(Array.from(table.columns[0] as Float64Array)).toEqual([1, Number.NaN, Number.NaN]);
    expect(table.columns[1]).toEqual(['x', 'y', null]);
    expect(Array.from(table.columns[2] as Float64Array)).toEqual([Number.NaN, 2, 3]);
  });

  it('reads TSV by its extension and JSON records, marking text markers in JSON as missing', () => {
    expect(readTableText('t.tsv', 'a\tb\n1\tx y\n').columns[1]).toEqual(['x y']);
    const json = readTableText('t.json', JSON.stringify([{ a: 1, s: 'MALE' }, { a: null, s: '.' }, { a: 3, s: 'NA' }]), ['.']);
    expect(Array.from(json.columns[0] as Float64Array)).toEqual([1, Number.NaN, 3]);
    expect(json.columns[1]).toEqual(['MALE', null, null]);
  });

  it('reads penguins.json and a CSV as the CLI reads them (readTableFile with its options)', async () => {
    const file = path.join(vega, 'penguins.json');
    const fromPage = readTableText('penguins.json', await readFile(file, 'utf8'), ['.']);
    const markers = new Set([...TABLE_MISSING, '.']);
    const fromFile = await readTableFile(file);
    expect(fromPage.names).toEqual(fromFile.names);
    for (const [c, column] of fromFile.columns.entries()) {
      const want = column instanceof Float64Array ? Array.from(column) : column.map((v) => (v !== null && markers.has(v.trim()) ? null : v));
      const got = fromPage.columns[c]!;
      expect(got instanceof Float64Array ? Array.from(got) : got).toEqual(want);
    }
    expect(fromPage.columns[fromPage.names.indexOf('Sex')]!.filter((v) => v === null)).toHaveLength(11);
    const csv = path.join(vega, 'seattle-weather.csv');
    const page = readTableText('seattle-weather.csv', await readFile(csv, 'utf8'));
    const cli = await readTableFile(csv, { inferTypes: true, missing: [...TABLE_MISSING] });
    expect(page).toEqual(cli);
  });

  it('names the file: an unknown extension, no rows, a ragged CSV', () => {
    expect(() => readTableText('t.xlsx', 'a')).toThrow('t.xlsx: cannot tell the table format from the extension ".xlsx"; use .csv, .tsv, .json');
    expect(() => readTableText('t.csv', 'a,b\n')).toThrow('t.csv: the table has no rows');
    expect(() => readTableText('t.json', '[{"a": [1]}]')).toThrow('t.json: row 0, "a": an array is not a number, string or null');
    expect(() => readTableText('bad.json', '{')).toThrow(/^bad\.json: not valid JSON/);
  });
});

describe('parseMarkers', () => {
  it('splits on commas, trims, and drops empty entries', () => {
    expect(parseMarkers('. , ?,,')).toEqual(['.', '?']);
    expect(parseMarkers('')).toEqual([]);
  });
});
