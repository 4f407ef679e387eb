import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Random } from '@lab/core';
import { describe, expect, it } from 'vitest';
import { KNNImputer } from '../knn-imputer.js';
import { MaxAbsScaler } from '../max-abs-scaler.js';
import { MinMaxScaler } from '../min-max-scaler.js';
import { SimpleImputer } from '../simple-imputer.js';
import { StandardScaler } from '../standard-scaler.js';
import { rowsToTable, tableToRows } from '../table.js';
import { readTableFile, writeTableFile } from './table-file.js';
import { transformTableFile } from './transform-table-file.js';

// The two-pass streaming fit against the whole-table `fit` + `transform` of the same transformer
// (itself checked against scikit-learn 1.2 in imputers.test.ts and scalers-sklearn.test.ts): the
// written files must be byte-identical (StandardScaler: equal to 1e-12, its partial_fit
// combines chunk statistics), with chunks far smaller than the table so that every fit spans many.
const dir = mkdtempSync(join(tmpdir(), 'lab-stream-'));

/** A table with missing cells, repeated values (for most-frequent ties), a constant and an entirely missing column. */
function table(rows: number, seed: number): number[][] {
  const random = new Random(seed);
  return Array.from({ length: rows }, () => [
    random.next() < 0.2 ? Number.NaN : Math.round(random.next() * 6) / 2,
    random.next() < 0.1 ? Number.NaN : (random.next() - 0.5) * 1e6,
    7,
    Number.NaN,
    random.next() < 0.5 ? Number.NaN : -random.next(),
  ]);
}
const NAMES = ['a', 'b', 'const', 'empty', 'neg'];

async function inMemory(rows: number[][], make: () => SimpleImputer | StandardScaler | MinMaxScaler | MaxAbsScaler, output: string) {
  const transformer = make();
  const out = transformer.fitTransform(rows) as number[][];
  const kept = out[0]!.length < NAMES.length ? NAMES.filter((_, c) => rows.some((r) => !Number.isNaN(r[c]!))) : NAMES;
  await writeTableFile(output, rowsToTable(out, kept));
  return { transformer, text: readFileSync(output, 'utf8') };
}

describe('transformTableFile', () => {
  const rows = table(1000, 3);
  const input = join(dir, 'in.csv');
  writeFileSync(input, '');
  const ready = writeTableFile(input, rowsToTable(rows, NAMES));

  const cases: [string, () => SimpleImputer | StandardScaler | MinMaxScaler | MaxAbsScaler][] = [
    ['SimpleImputer mean', () => new SimpleImputer({ strategy: 'mean' })],
    ['SimpleImputer median', () => new SimpleImputer({ strategy: 'median' })],
    ['SimpleImputer mostFrequent', () => new SimpleImputer({ strategy: 'mostFrequent' })],
    ['SimpleImputer constant', () => new SimpleImputer({ strategy: 'constant', fillValue: -3.5 })],
    ['SimpleImputer keepEmptyFeatures', () => new SimpleImputer({ strategy: 'median', keepEmptyFeatures: true })],
    ['MinMaxScaler', () => new MinMaxScaler()],
    ['MaxAbsScaler', () => new MaxAbsScaler()],
  ];
  for (const [name, make] of cases) {
    it(`${name}: the same file as fit + transform on the whole table, in chunks of 7, 64 and 5000 rows`, async () => {
      await ready;
      const expected = await inMemory(rows, make, join(dir, `expected-${name}.csv`));
      for (const chunkRows of [7, 64, 5000]) {
        const output = join(dir, `out-${name}-${chunkRows}.csv`);
        const transformer = make();
        const result = await transformTableFile(input, output, transformer, { chunkRows });
        expect(readFileSync(output, 'utf8')).toBe(expected.text);
        expect(result.rows).toBe(1000);
        expect(result.kept.length).toBe(expected.text.split('\n')[0]!.split(',').length);
        // The transformer is fitted as fit leaves it (its JSON is what --save-pipeline writes).
        expect(transformer.toJSON()).toEqual(expected.transformer.toJSON());
      }
    });
  }

  it('StandardScaler: partialFit over the chunks, equal to the whole-table fit within 1e-12', async () => {
    await ready;
    const expected = await inMemory(rows, () => new StandardScaler(), join(dir, 'expected-standard.csv'));
    const output = join(dir, 'out-standard.csv');
    await transformTableFile(input, output, new StandardScaler(), { chunkRows: 33 });
    const got = tableToRows(await readTableFile(output));
    const want = tableToRows(await readTableFile(join(dir, 'expected-standard.csv')));
    expect(got.length).toBe(want.length);
    for (const [r, row] of got.entries()) {
      for (const [c, v] of row.entries()) {
        const w = want[r]![c]!;
        if (Number.isNaN(w)) expect(v).toBeNaN();
        else expect(Math.abs(v - w)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w)));
      }
    }
    expect(expected.text.split('\n')[0]).toBe(NAMES.join(','));
  });

  it('reads TXT and TSV and writes either', async () => {
    await ready;
    const txt = join(dir, 'in.txt');
    await writeTableFile(txt, rowsToTable(rows, NAMES));
    const expected = await inMemory(rows, () => new SimpleImputer({ strategy: 'median' }), join(dir, 'expected.txt'));
    await transformTableFile(txt, join(dir, 'out.txt'), new SimpleImputer({ strategy: 'median' }), { chunkRows: 50 });
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe(expected.text);
    const tsv = join(dir, 'in.tsv');
    await writeTableFile(tsv, rowsToTable(rows, NAMES));
    await transformTableFile(tsv, join(dir, 'out.tsv'), new SimpleImputer({ strategy: 'median' }), { chunkRows: 50 });
    expect(tableToRows(await readTableFile(join(dir, 'out.tsv')))).toEqual(tableToRows(await readTableFile(join(dir, 'expected.txt'))));
  });

  it('refuses what it cannot stream or fit, naming the file, line and column, and leaves nothing behind', async () => {
    const bad = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const out = join(dir, 'refused', 'out.csv');
    mkdirSync(join(dir, 'refused'));
    const imputer = () => new SimpleImputer();
    await expect(transformTableFile(bad('inf.csv', 'a,b\n1,2\n3,1e999\n'), out, imputer())).rejects.toThrow('inf.csv: line 3, column 2 ("b"): Infinity is not a finite number');
    await expect(transformTableFile(bad('text.csv', 'a,b\n1,2\n3,x\n'), out, imputer())).rejects.toThrow('text.csv: line 3, column 2 ("b"): "x" is not a number');
    await expect(transformTableFile(bad('ragged.csv', 'a,b\n1,2\n3\n'), out, imputer())).rejects.toThrow('ragged.csv: line 3 has 1 fields; the header has 2');
    await expect(transformTableFile(bad('header.csv', 'a,b\n'), out, imputer())).rejects.toThrow('header.csv: the table has no data rows');
    await expect(transformTableFile(bad('t.json', '[]'), out, imputer())).rejects.toThrow('JSON tables are not streamed');
    await expect(transformTableFile(input, out, new KNNImputer() as unknown as SimpleImputer)).rejects.toThrow('KNNImputer cannot be fitted in two passes');
    await expect(transformTableFile(input, out, imputer(), { chunk: 5 } as never)).rejects.toThrow("unknown option 'chunk'");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(dir, 'refused'))).toEqual([]);
  });
});
