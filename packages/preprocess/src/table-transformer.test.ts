import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/table-transformer.json' with { type: 'json' };
import { parseJsonTable } from './json-table.js';
import type { Table } from './table.js';
import { type ColumnSpec, coerceTable, inferColumnKinds } from './table-columns.js';
import { ColumnTransformer, type NumericColumnOptions } from './table-transformer.js';

// scikit-learn 1.2's ColumnTransformer([('num', Pipeline([imputer, scaler]), numeric), ('cat',
// Pipeline([SimpleImputer, OneHotEncoder(handle_unknown='ignore')]), categorical)]) on tables with
// missing values in every kind of column and an unseen category at transform time; fixture made
// by scripts/table-transformer-fixture.py (/usr/bin/python3, Debian's scikit-learn).

type Case = (typeof fixture.cases)[number];

function tableOf(columns: Case['columns'], cells: Record<string, (string | number | null)[]>): Table {
  return {
    names: columns.map((c) => c.name),
    columns: columns.map(({ name, kind }) => (kind === 'numeric' ? Float64Array.from(cells[name]!, (v) => (v === null ? Number.NaN : Number(v))) : cells[name]!.map((v) => (v === null ? null : String(v))))),
  };
}

function expectClose(actual: MatrixLike, expected: number[][], label: string): void {
  expect(actual.shape, label).toEqual([expected.length, expected[0]!.length]);
  const cols = actual.shape[1];
  expected.forEach((row, r) =>
    row.forEach((v, c) => {
      const got = actual.data[r * cols + c]!;
      expect(Math.abs(got - v), `${label} [${r}, ${c}]: ${got} vs ${v}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(v)));
    }),
  );
}
type MatrixLike = { data: Float32Array; shape: readonly [number, number] };

describe('ColumnTransformer against scikit-learn', () => {
  for (const c of fixture.cases) {
    it(`${c.table}: numeric ${c.numeric.impute} → ${c.numeric.scale}, categorical ${c.categorical.impute}`, () => {
      const columns = c.columns as ColumnSpec[];
      const ct = new ColumnTransformer({ columns, numeric: c.numeric as NumericColumnOptions, categorical: c.categorical as { impute: 'most_frequent' | 'constant' } });
      const train = tableOf(c.columns, c.train);
      ct.fit(train);
      expect(ct.getFeatureNamesOut()).toEqual(c.featureNames);
      expectClose(ct.transform(train), c.trainOut, 'train');
      expectClose(ct.transform(tableOf(c.columns, c.test)), c.testOut, 'test');
      // The JSON round trip gives the same numbers.
      const back = ColumnTransformer.fromJSON(JSON.parse(JSON.stringify(ct.toJSON())));
      expect(back.getFeatureNamesOut()).toEqual(c.featureNames);
      expectClose(back.transform(tableOf(c.columns, c.test)), c.testOut, 'test after JSON');
    });
  }

  it('reads the real penguins table (vega-datasets) and transforms it as scikit-learn does', () => {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..');
    const raw = parseJsonTable(fs.readFileSync(path.join(dir, 'data', 'penguins.json'), 'utf8'), 'penguins.json');
    const features: Table = { names: raw.names.slice(1), columns: raw.columns.slice(1).map((col) => (col instanceof Float64Array ? col : col.map((v) => (v === '.' ? null : v)))) };
    const columns = inferColumnKinds(features);
    expect(columns.map((c) => c.kind)).toEqual(['categorical', 'numeric', 'numeric', 'numeric', 'numeric', 'categorical']);
    // scikit-learn's column order puts the numeric block first.
    const ct = new ColumnTransformer({ columns }).fit(features);
    expect(ct.getFeatureNamesOut()).toEqual(fixture.penguins.featureNames);
    const summary = ct.summary().filter((s) => s.kind === 'numeric');
    summary.forEach((s, i) => {
      expect(s.mean).toBeCloseTo(fixture.penguins.mean[i]!, 9);
      expect(s.scale).toBeCloseTo(fixture.penguins.scale[i]!, 9);
    });
    const out = ct.transform(features);
    expectClose({ data: out.data.slice(0, 5 * out.shape[1]), shape: [5, out.shape[1]] }, fixture.penguins.firstRows, 'penguins');
  });
});

describe('column kinds', () => {
  it('infers numeric, boolean, date and categorical columns, and coerces them', () => {
    const table: Table = {
      names: ['n', 'b', 'd', 'c', 'text numbers'],
      columns: [Float64Array.of(1, Number.NaN), ['Yes', null], ['1970-07-02', '2000-01-01T12:00'], ['x', '3'], ['1.5', '-2e3']],
    };
    const specs = inferColumnKinds(table);
    expect(specs.map((s) => s.kind)).toEqual(['numeric', 'boolean', 'date', 'categorical', 'numeric']);
    const coerced = coerceTable(table, specs);
    expect(coerced.columns[1]).toEqual(Float64Array.of(1, Number.NaN));
    expect((coerced.columns[2] as Float64Array)[0]).toBeCloseTo(1970.5, 2);
    expect(coerced.columns[4]).toEqual(Float64Array.of(1.5, -2000));
    expect(inferColumnKinds(table, { kinds: { c: 'categorical', 'text numbers': 'categorical' } })[4]!.kind).toBe('categorical');
  });

  it('names the column and row of a cell that does not fit, and unknown columns', () => {
    const table: Table = { names: ['a'], columns: [['1', 'two']] };
    expect(() => coerceTable(table, [{ name: 'a', kind: 'numeric' }])).toThrow(`column 'a' row 2: "two" is not a number`);
    expect(() => coerceTable(table, [{ name: 'b', kind: 'numeric' }])).toThrow("the table has no column 'b'; its columns are a");
    expect(() => inferColumnKinds(table, { kinds: { A: 'numeric' } })).toThrow("kinds names 'A', which is not a column (did you mean 'a'?)");
  });

  it('refuses unknown options, an unfitted use and a column with no values', () => {
    const columns: ColumnSpec[] = [{ name: 'x', kind: 'numeric' }];
    expect(() => new ColumnTransformer({ columns, numeric: { imputer: 'mean' } as never })).toThrow(/imputer/);
    expect(() => new ColumnTransformer({ columns, numeric: { impute: 'mode' as never } })).toThrow(/impute/);
    expect(() => new ColumnTransformer({ columns }).transform({ names: ['x'], columns: [Float64Array.of(1)] })).toThrow('not fitted yet');
    expect(() => new ColumnTransformer({ columns }).fit({ names: ['x'], columns: [Float64Array.of(Number.NaN)] })).toThrow("column 'x' has no values in these rows");
    expect(() => ColumnTransformer.fromJSON({ format: 'nope' } as never)).toThrow("expected { format: 'lab-column-transformer', version: 1 }");
  });
});
