import { describe, expect, it } from 'vitest';
import { type ColumnSpec, inferColumnKinds } from './column-kinds.js';
import { ColumnTransformer } from './column-transformer.js';
import type { CategoricalColumnOptions, NumericColumnOptions } from './column-transformer-options.js';
import type { ColumnTransformerJSON } from './column-transformer-types.js';
import fixture from './fixtures/column-transformer.json' with { type: 'json' };
import type { Table } from './table.js';
import { type Cells, expectMatrix, rawTable } from './test/column-transformer-fixture.js';

// Reference: scikit-learn 1.2's ColumnTransformer([('num', Pipeline([imputer, scaler]), ...),
// ('cat', Pipeline([SimpleImputer, OneHotEncoder(handle_unknown='ignore')]), ...)]) fitted on raw
// tables with missing cells in every kind of column, an unseen category and missing cells at
// transform; made by scripts/sklearn-column-transformer.py (/usr/bin/python3, Debian's
// scikit-learn 1.2.1 and pandas 1.5.3), which converts booleans and dates as coerceTable does.

const tables = fixture.tables as unknown as Record<string, { specs: ColumnSpec[]; kinds: Record<string, ColumnSpec['kind']>; train: Cells; test: Cells }>;

describe('ColumnTransformer equals scikit-learn', () => {
  it.each(Object.entries(tables))('infers the kinds the reference used for table %s', (_, t) => {
    const names = t.specs.map((s) => s.name);
    expect(inferColumnKinds(rawTable(names, t.train), { kinds: t.kinds })).toEqual(t.specs);
  });

  for (const c of fixture.cases) {
    const numeric = c.numeric as NumericColumnOptions;
    const categorical = c.categorical as CategoricalColumnOptions;
    it(`${c.table}: numeric ${JSON.stringify(numeric)}, categorical ${JSON.stringify(categorical)}`, () => {
      const t = tables[c.table]!;
      const names = t.specs.map((s) => s.name);
      const ct = new ColumnTransformer({ columns: t.specs, numeric, categorical });
      expectMatrix(ct.fitTransform(rawTable(names, t.train)), c.train, 'train');
      expect(ct.getFeatureNamesOut()).toEqual(c.featureNames);
      expectMatrix(ct.transform(rawTable(names, t.test)), c.test, 'test');
      // The JSON form restores the same transformer: same JSON, same output.
      const restored = ColumnTransformer.fromJSON(JSON.parse(JSON.stringify(ct)));
      expect(restored.toJSON()).toEqual(ct.toJSON());
      expect(restored.transform(rawTable(names, t.test)).data).toEqual(ct.transform(rawTable(names, t.test)).data);
    });
  }
});

describe('ColumnTransformer', () => {
  const train: Table = { names: ['mass', 'island', 'id'], columns: [Float64Array.of(3, Number.NaN, 5), ['a', null, 'b'], ['x', 'y', 'z']] };
  const columns: ColumnSpec[] = [
    { name: 'mass', kind: 'numeric' },
    { name: 'island', kind: 'categorical' },
  ];

  it('ignores columns it was not given, and works on rows it never saw', () => {
    const ct = new ColumnTransformer({ columns }).fit(train);
    expect(ct.getFeatureNamesOut()).toEqual(['num__mass', 'cat__island_a', 'cat__island_b']);
    const unseen: Table = { names: ['island', 'mass'], columns: [['c', null], Float64Array.of(Number.NaN, 7)] };
    const out = ct.transform(unseen);
    // Missing mass → the fitted mean (4, scaled to 0); unknown 'c' → all zeros; missing island → 'a'.
    expect(Array.from(out.data)).toEqual([0, 0, 0, Math.fround(3 / Math.sqrt(2 / 3)), 1, 0]);
  });

  it('summarizes what it fitted, per column', () => {
    const summary = new ColumnTransformer({ columns, numeric: { scale: 'minmax' } }).fit(train).summary();
    expect(summary).toEqual({
      rows: 3,
      features: 3,
      columns: [
        { name: 'mass', kind: 'numeric', missing: 1, dropped: false, fill: 4, min: 3, max: 5, features: ['num__mass'] },
        { name: 'island', kind: 'categorical', missing: 1, dropped: false, fill: 'a', categories: ['a', 'b'], features: ['cat__island_a', 'cat__island_b'] },
      ],
    });
    const knn = new ColumnTransformer({ columns, numeric: { impute: 'knn', nNeighbors: 1 } }).fit(train).summary().columns[0]!;
    expect([knn.fill, knn.mean, knn.scale]).toEqual([null, 4, Math.sqrt(2 / 3)]); // the NaN row has no distance to any donor: the mean
  });

  it('names the missing columns, unknown options and options that do not apply', () => {
    const ct = new ColumnTransformer({ columns: [...columns, { name: 'age', kind: 'numeric' }, { name: 'sex', kind: 'categorical' }] });
    expect(() => ct.fit(train)).toThrow('ColumnTransformer.fit: the table lacks the columns "age", "sex"; it has mass, island, id');
    expect(() => new ColumnTransformer({ columns }).transform(train)).toThrow('ColumnTransformer.transform: this ColumnTransformer is not fitted yet; call fit first');
    expect(() => new ColumnTransformer({ columns, numeric: { imputer: 'mean' } as never })).toThrow("ColumnTransformer numeric: unknown option 'imputer' (did you mean 'impute'?)");
    expect(() => new ColumnTransformer({ columns, numeric: { impute: 'mode' as 'mean' } })).toThrow('ColumnTransformer numeric');
    expect(() => new ColumnTransformer({ columns, numeric: { scale: 'robust' as 'none' } })).toThrow("ColumnTransformer numeric: scale must be one of 'standard', 'minmax', 'none'; got \"robust\"");
    expect(() => new ColumnTransformer({ columns, categorical: { impute: 'mean' as 'constant' } })).toThrow('ColumnTransformer categorical');
    expect(() => new ColumnTransformer({ columns, cols: [] } as never)).toThrow("ColumnTransformer: unknown option 'cols'");
    expect(() => new ColumnTransformer({ columns, numeric: { fillValue: 1 } })).toThrow("ColumnTransformer numeric: fillValue applies only with impute: 'constant', but impute is 'mean'");
    expect(() => new ColumnTransformer({ columns, numeric: { impute: 'median', nNeighbors: 3 } })).toThrow("nNeighbors applies only with impute: 'knn'");
    expect(() => new ColumnTransformer({ columns, categorical: { fillValue: '?' } })).toThrow("ColumnTransformer categorical: fillValue applies only with impute: 'constant'");
    expect(() => new ColumnTransformer({ columns: [columns[0]!, columns[0]!] })).toThrow('the column "mass" is listed more than once');
    expect(() => new ColumnTransformer({ columns: [{ name: 'mass', kind: 'float' as 'numeric' }] })).toThrow('columns[0] ("mass") has kind "float"');
    expect(() => new ColumnTransformer({} as never)).toThrow('ColumnTransformer: columns is required');
  });

  it('names the column and row of a cell that does not fit its kind, or an infinite number', () => {
    const ct = new ColumnTransformer({ columns: [{ name: 'id', kind: 'numeric' }] });
    expect(() => ct.fit(train)).toThrow('ColumnTransformer.fit: column "id" is numeric, but row 1 holds "x", which is not a number');
    const inf: Table = { names: ['mass', 'island'], columns: [Float64Array.of(1, Number.POSITIVE_INFINITY), ['a', 'b']] };
    expect(() => new ColumnTransformer({ columns }).fit(inf)).toThrow('ColumnTransformer.fit: column "mass" holds Infinity at row 2');
    expect(() => new ColumnTransformer({ columns }).fit({ names: ['mass', 'island'], columns: [new Float64Array(0), []] })).toThrow('the table has 0 rows');
  });

  it('refuses JSON that is not its own, or whose state does not fit its options', () => {
    const json = new ColumnTransformer({ columns }).fit(train).toJSON();
    const edit = (change: (j: ColumnTransformerJSON) => void) => {
      const copy = JSON.parse(JSON.stringify(json)) as ColumnTransformerJSON;
      change(copy);
      return () => ColumnTransformer.fromJSON(copy);
    };
    expect(() => ColumnTransformer.fromJSON({ type: 'Pipeline' } as never)).toThrow("ColumnTransformer.fromJSON: not a column transformer (expected format 'lab-column-transformer', got undefined)");
    expect(edit((j) => ((j as { version: number }).version = 2))).toThrow('unsupported version 2');
    expect(edit((j) => (j.numeric.impute = 'median'))).toThrow("fitted.numeric.imputer has strategy \"mean\", but numeric.impute is 'median'");
    expect(edit((j) => (j.numeric.scale = 'minmax'))).toThrow('fitted.numeric.scaler must be a fitted MinMaxScaler, got "StandardScaler"');
    expect(edit((j) => (j.fitted!.numeric!.missing = [1, 2]))).toThrow('fitted.numeric.missing must hold 1 integers from 0 to 3');
    expect(edit((j) => (j.fitted!.categorical!.categories = [['b', 'a']]))).toThrow('fitted.categorical.categories must hold 1 non-empty sorted lists');
    expect(edit((j) => (j.fitted!.categorical = null))).toThrow('fitted.categorical must be an object');
    expect(edit((j) => (j.columns = [columns[0]!]))).toThrow('fitted.categorical must be null');
    expect(edit((j) => ((j.fitted!.numeric!.imputer.state as { statistics: number[] }).statistics = []))).toThrow('fitted.numeric.imputer.state.statistics must hold 1 numbers');
    expect(edit((j) => (j.numeric = { impute: 'mean', scale: 'standard', extra: 1 } as never))).toThrow("unknown option 'extra'");
    // An unfitted transformer round-trips too.
    const unfitted = new ColumnTransformer({ columns, numeric: { impute: 'knn' } }).toJSON();
    expect(ColumnTransformer.fromJSON(unfitted).toJSON()).toEqual(unfitted);
  });
});
