import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coerceTable, inferColumnKinds } from './column-kinds.js';
import { ColumnTransformer } from './column-transformer.js';
import type { NumericColumnOptions } from './column-transformer-options.js';
import fixture from './fixtures/column-transformer.json' with { type: 'json' };
import { readTableFile } from './node/table-file.js';
import { expectMatrix } from './test/column-transformer-fixture.js';

// Real tables from the vega-datasets devDependency, read by lab's JSON table reader, against
// scikit-learn 1.2's ColumnTransformer on the same files (scripts/sklearn-column-transformer.py
// records only shapes, names, statistics and some transformed rows: the first five and every row
// with a missing cell). vega-datasets exports only its JS entry (build/index.js), not its
// package.json; the data folder sits beside build/.
const data = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');

describe('ColumnTransformer on real tables equals scikit-learn', () => {
  for (const c of fixture.real) {
    it(`${c.file}: numeric ${JSON.stringify(c.numeric)}`, async () => {
      const table = await readTableFile(path.join(data, c.file));
      const missing = c.missing as Record<string, string[]>;
      const specs = inferColumnKinds(table, { missing });
      expect(specs.filter((s) => c.specs.some((t) => t.name === s.name))).toEqual(c.specs);
      const ct = new ColumnTransformer({ columns: c.specs as typeof specs, numeric: c.numeric as NumericColumnOptions });
      const coerced = coerceTable(table, specs, { missing });
      const out = ct.fitTransform(coerced);
      expect([out.rows, out.cols]).toEqual(c.shape);
      expect(ct.getFeatureNamesOut()).toEqual(c.featureNames);
      const rows = c.rowIndices.map((r) => Array.from(out.data.subarray(r * out.cols, (r + 1) * out.cols)));
      expectMatrix({ rows: rows.length, cols: out.cols, data: Float32Array.from(rows.flat()) }, c.rows, c.file);
      // As a float64 table: scikit-learn's values to the fixture's 10 significant digits, and transform's once rounded to float32.
      const asTable = ct.transformTable(coerced);
      expect(asTable.names).toEqual(c.featureNames);
      c.rowIndices.forEach((r, i) => {
        const want = c.rows[i] as number[];
        asTable.columns.forEach((column, j) => {
          const got = (column as Float64Array)[r]!;
          expect(Math.abs(got - want[j]!), `${c.file} row ${r}, ${asTable.names[j]}: ${got} vs ${want[j]}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[j]!)));
        });
      });
      expect(Float32Array.from({ length: out.rows * out.cols }, (_, k) => (asTable.columns[k % out.cols] as Float64Array)[Math.floor(k / out.cols)]!)).toEqual(out.data);

      const summary = ct.summary();
      expect(Object.fromEntries(summary.columns.map((s) => [s.name, s.missing]))).toEqual(c.missingCounts);
      const numeric = summary.columns.filter((s) => s.kind !== 'categorical');
      const categorical = summary.columns.filter((s) => s.kind === 'categorical');
      expect(categorical.map((s) => s.categories)).toEqual(c.summary.categories);
      expect(categorical.map((s) => s.fill)).toEqual(c.summary.catFill);
      const close = (got: (number | string | null | undefined)[], want: number[] | null | undefined) => {
        if (!want) return;
        expect(got.length).toBe(want.length);
        got.forEach((v, i) => {
          expect(Math.abs((v as number) - want[i]!), `${v} vs ${want[i]}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[i]!)));
        });
      };
      const s = c.summary as { numFill?: number[] | null; mean?: number[]; scale?: number[]; min?: number[]; max?: number[] };
      if (s.numFill) close(numeric.map((n) => n.fill), s.numFill);
      else expect(numeric.every((n) => n.fill === null)).toBe(true);
      close(numeric.map((n) => n.mean), s.mean);
      close(numeric.map((n) => n.scale), s.scale);
      close(numeric.map((n) => n.min), s.min);
      close(numeric.map((n) => n.max), s.max);
    });
  }

  it('infers penguins: Species, Island and Sex categorical (with "." missing in Sex), four measurements numeric', async () => {
    const table = await readTableFile(path.join(data, 'penguins.json'));
    const kinds = Object.fromEntries(inferColumnKinds(table, { missing: { Sex: ['.'] } }).map((s) => [s.name, s.kind]));
    expect(kinds).toEqual({ Species: 'categorical', Island: 'categorical', 'Beak Length (mm)': 'numeric', 'Beak Depth (mm)': 'numeric', 'Flipper Length (mm)': 'numeric', 'Body Mass (g)': 'numeric', Sex: 'categorical' });
    const sex = coerceTable(table, [{ name: 'Sex', kind: 'categorical' }], { missing: { Sex: ['.'] } }).columns[0] as (string | null)[];
    expect(new Set(sex)).toEqual(new Set(['MALE', 'FEMALE', null]));
  });

  it('infers cars: Year a date (as years 1970–1982), Name and Origin categorical', async () => {
    const table = await readTableFile(path.join(data, 'cars.json'));
    const specs = inferColumnKinds(table);
    expect(specs.find((s) => s.name === 'Year')?.kind).toBe('date');
    expect(specs.filter((s) => s.kind === 'categorical').map((s) => s.name)).toEqual(['Name', 'Origin']);
    const years = coerceTable(table, [{ name: 'Year', kind: 'date' }]).columns[0] as Float64Array;
    expect([Math.min(...years), Math.max(...years)]).toEqual([1970, 1982]);
  });
});
