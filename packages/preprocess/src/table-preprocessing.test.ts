import { createRequire } from 'node:module';
import path from 'node:path';
import { expectNoLeak } from '@lab/testing';
import { describe, expect, it } from 'vitest';
import { readTableFile } from './node/table-file.js';
import type { Table } from './table.js';
import { TablePreprocessing } from './table-preprocessing.js';

// TablePreprocessing joins inferColumnKinds, the ColumnTransformer (checked against scikit-learn
// in column-transformer*.test.ts) and TableTarget; here: the glue, on vega-datasets' penguins.
const data = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');

describe('TablePreprocessing', () => {
  it('fits on penguins, transforms raw rows to a tensor without leaking, and round-trips as JSON', async () => {
    const table = await readTableFile(path.join(data, 'penguins.json'));
    const t = table.names.indexOf('Species');
    const features: Table = { names: table.names.filter((_, c) => c !== t), columns: table.columns.filter((_, c) => c !== t) };
    const pre = TablePreprocessing.fit(features, 'Species', table.columns[t]!, 'classification');
    expect(pre.featureNames.slice(0, 5)).toEqual(['num__Beak Length (mm)', 'num__Beak Depth (mm)', 'num__Flipper Length (mm)', 'num__Body Mass (g)', 'cat__Island_Biscoe']);
    expect(pre.describe()).toBe('6 columns (4 numeric, 2 categorical) → 10 features');
    const restored = TablePreprocessing.fromJSON(JSON.parse(JSON.stringify(pre)));
    expect(restored.toJSON()).toEqual(pre.toJSON());
    expectNoLeak(() => {
      const x = pre.transform(table);
      const y = restored.transform(table);
      expect(x.shape).toEqual([344, 10]);
      expect(Array.from(y.dataSync())).toEqual(Array.from(x.dataSync()));
      x.dispose();
      y.dispose();
      return [];
    });
    expect(() => pre.transform({ names: ['Island'], columns: [['Biscoe']] })).toThrow("the table lacks the columns 'Beak Length (mm)'");
  });

  it('takes kinds that override the inferred ones, and refuses unknown options', () => {
    const features: Table = { names: ['cylinders', 'origin'], columns: [Float64Array.of(4, 6, 8, 4), ['USA', 'Japan', 'USA', 'Europe']] };
    const target = Float64Array.of(30, 20, 15, 28);
    const inferred = TablePreprocessing.fit(features, 'mpg', target, 'regression');
    expect(inferred.featureNames).toEqual(['num__cylinders', 'cat__origin_Europe', 'cat__origin_Japan', 'cat__origin_USA']);
    const categorical = TablePreprocessing.fit(features, 'mpg', target, 'regression', { kinds: { cylinders: 'categorical' } });
    expect(categorical.columns).toEqual([
      { name: 'cylinders', kind: 'categorical' },
      { name: 'origin', kind: 'categorical' },
    ]);
    expect(categorical.featureNames).toEqual(['cat__cylinders_4', 'cat__cylinders_6', 'cat__cylinders_8', 'cat__origin_Europe', 'cat__origin_Japan', 'cat__origin_USA']);
    expect(() => TablePreprocessing.fit(features, 'mpg', target, 'regression', { kind: {} } as never)).toThrow(/kind/);
  });
});
