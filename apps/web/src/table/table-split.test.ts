import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { columnOverview } from './column-overview.js';
import { readTableText } from './table-file.js';
import { splitTable } from './table-split.js';

const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
const read = async (name: string, missing: string[] = []) => readTableText(name, await readFile(path.join(vega, name), 'utf8'), missing);

describe('splitTable', () => {
  it('splits penguins 70/30 (test rounded up, as scikit-learn), stratified by species, the same for the same seed', async () => {
    const table = await read('penguins.json', ['.']);
    const split = splitTable(table, { target: 'Species', seed: 1 });
    expect(split.task).toBe('classification');
    expect(split.reason).toBe('the target holds text');
    // The CLI's e2e test: 104 test rows and 240 training rows of 344.
    expect([split.train.target.length, split.test.target.length]).toEqual([240, 104]);
    expect(split.train.features.names).toEqual(table.names.filter((n) => n !== 'Species'));
    const share = (column: readonly unknown[], label: string) => column.filter((v) => v === label).length / column.length;
    for (const label of ['Adelie', 'Chinstrap', 'Gentoo']) {
      expect(Math.abs(share(split.train.target as string[], label) - share(split.test.target as string[], label))).toBeLessThan(0.01);
    }
    expect(splitTable(table, { target: 'Species', seed: 1 })).toEqual(split);
    expect(splitTable(table, { target: 'Species', seed: 2 }).test.target).not.toEqual(split.test.target);
  });

  it('drops rows without a target, leaves out ignored columns, and infers regression for miles per gallon', async () => {
    const split = splitTable(await read('cars.json'), { target: 'Miles_per_Gallon', ignore: ['Name', 'Year'], seed: 1 });
    expect(split.task).toBe('regression');
    expect(split.reason).toMatch(/^the target holds \d+ distinct numbers$/);
    expect(split.dropped).toBe(8);
    expect(split.train.target.length + split.test.target.length).toBe(398);
    expect(split.test.target.length).toBe(Math.ceil(398 * 0.3));
    expect(split.train.features.names).toEqual(['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Origin']);
  });

  it('names the column at fault', async () => {
    const table = readTableText('t.csv', 'a,b\n1,\n2,\n');
    expect(() => splitTable(table, { target: 'c', seed: 0 })).toThrow("the table has no column 'c'; its columns are a, b");
    expect(() => splitTable(table, { target: 'a', ignore: ['a'], seed: 0 })).toThrow("the target column 'a' cannot be ignored");
    expect(() => splitTable(table, { target: 'a', ignore: ['z'], seed: 0 })).toThrow("the table has no column 'z' to ignore");
    expect(() => splitTable(table, { target: 'b', seed: 0 })).toThrow("every row lacks a value in the target 'b'");
    expect(() => splitTable(table, { target: 'a', ignore: ['b'], seed: 0 })).toThrow("no feature columns are left besides the target 'a'");
  });
});

describe('columnOverview', () => {
  it('gives each column its kind, missing count and first values', async () => {
    const overview = columnOverview(await read('penguins.json', ['.']));
    const sex = overview.find((c) => c.name === 'Sex')!;
    expect(sex).toEqual({ name: 'Sex', kind: 'categorical', missing: 11, distinct: 2, examples: ['MALE', 'FEMALE'] });
    expect(overview.find((c) => c.name === 'Body Mass (g)')).toMatchObject({ kind: 'numeric', missing: 2 });
    expect(overview.find((c) => c.name === 'Species')).toMatchObject({ kind: 'categorical', missing: 0, distinct: 3 });
    const kinds = columnOverview(readTableText('t.csv', 'when,flag,n\n2020-01-01,yes,1\n2021-06-30,no,\n'));
    expect(kinds.map((c) => [c.kind, c.missing])).toEqual([['date', 0], ['boolean', 0], ['numeric', 1]]);
  });
});
