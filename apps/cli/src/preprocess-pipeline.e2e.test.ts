import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// lab preprocess run / apply, end to end with the built executable, on real tables from the npm
// package vega-datasets (read in place), against scikit-learn 1.2.1's ColumnTransformer on the same
// files: the fixture packages/preprocess/src/fixtures/column-transformer.json, made by
// packages/preprocess/scripts/sklearn-column-transformer.py (SimpleImputer / KNNImputer →
// StandardScaler / MinMaxScaler on numeric columns, most-frequent imputer → OneHotEncoder on
// categorical ones; its rows are the first five and every row with a missing cell, 10 significant digits).
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
const fixturePath = path.resolve(here, '../../../packages/preprocess/src/fixtures/column-transformer.json');
interface RealCase {
  file: string;
  numeric: { impute: string; scale: string; nNeighbors?: number };
  shape: [number, number];
  featureNames: string[];
  rowIndices: number[];
  rows: number[][];
}
const fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as { real: RealCase[] };

function lab(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, timeout: 120_000, maxBuffer: 64 * 2 ** 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lab-pipeline-'));
const csvRows = (text: string) => text.trim().split('\n').map((line) => line.split(','));

describe('lab preprocess run equals scikit-learn’s ColumnTransformer', () => {
  for (const c of fixture.real) {
    const steps = `impute:${c.numeric.impute.replace('_', '-')},scale:${c.numeric.scale},onehot`;
    it(`${c.file} --steps ${steps}`, () => {
      const cwd = tmp();
      const args = ['preprocess', 'run', path.join(vega, c.file), '--steps', steps, '-o', 'out.csv', ...(c.file === 'penguins.json' ? ['--missing', '.'] : [])];
      const r = lab(c.numeric.nNeighbors ? [...args, '--neighbors', String(c.numeric.nNeighbors)] : args, cwd);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`${c.shape[0]} rows`);
      const [header, ...rows] = csvRows(fs.readFileSync(path.join(cwd, 'out.csv'), 'utf8'));
      // Feature names hold no commas in these tables, so a plain split reads the CSV.
      expect(header).toEqual(c.featureNames);
      expect([rows.length, header!.length]).toEqual(c.shape);
      c.rowIndices.forEach((r, i) => {
        rows[r]!.forEach((cell, j) => {
          const want = c.rows[i]![j]!;
          expect(Math.abs(Number(cell) - want), `row ${r}, ${header![j]}: ${cell} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        });
      });
    });
  }
});

describe('lab preprocess run --save-pipeline, then apply', () => {
  it('applies the fitted pipeline to new rows with the training statistics; to the training table it gives run’s output exactly', () => {
    const cwd = tmp();
    const penguins = path.join(vega, 'penguins.json');
    const run = lab(['preprocess', 'run', penguins, '--steps', 'impute:median,scale:minmax,onehot', '--missing', '.', '-o', 'fitted.csv', '--save-pipeline', 'p.json'], cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('pipeline saved to p.json');
    const again = lab(['preprocess', 'apply', penguins, '--pipeline', 'p.json', '-o', 'applied.csv'], cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'applied.csv'), 'utf8')).toBe(fs.readFileSync(path.join(cwd, 'fitted.csv'), 'utf8'));

    // New rows: an extra column (left out, and said), an unseen island (all-zero one-hot), a
    // missing cell (the training median), a value beyond the training range (min-max above 1).
    const fitted = csvRows(fs.readFileSync(path.join(cwd, 'fitted.csv'), 'utf8'));
    fs.writeFileSync(
      path.join(cwd, 'new.csv'),
      'Species,Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex,note\n' +
        'Adelie,Atlantis,,18.7,181,3750,MALE,x\n' +
        'Gentoo,Biscoe,80,15,230,6500,.,y\n',
    );
    const applied = lab(['preprocess', 'apply', 'new.csv', '--pipeline', 'p.json', '-o', '-'], cwd);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toContain("left out 'note', not in the pipeline");
    const [header, first, second] = csvRows(applied.stdout);
    expect(header).toEqual(fitted[0]);
    const at = (row: string[], name: string) => Number(row[header!.indexOf(name)]);
    expect(['cat__Island_Biscoe', 'cat__Island_Dream', 'cat__Island_Torgersen'].map((n) => at(first!, n))).toEqual([0, 0, 0]);
    expect(at(first!, 'cat__Species_Adelie')).toBe(1);
    expect(at(second!, 'num__Beak Length (mm)')).toBeGreaterThan(1);
    // The missing beak length is the training median, min-max scaled with the training extremes.
    const beak = (JSON.parse(fs.readFileSync(penguins, 'utf8')) as Record<string, number | null>[]).map((p) => p['Beak Length (mm)']).filter((v): v is number => v !== null).sort((a, b) => a - b);
    const median = (beak[(beak.length - 1) >> 1]! + beak[beak.length >> 1]!) / 2;
    expect(at(first!, 'num__Beak Length (mm)')).toBeCloseTo((median - beak[0]!) / (beak.at(-1)! - beak[0]!), 12);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'p.json'), 'utf8')).format).toBe('lab-table-pipeline');
    // Sex '.' in the new rows is missing too (the saved --missing): the most frequent, MALE.
    expect(at(second!, 'cat__Sex_MALE')).toBe(1);
  });

  it('applies the pipeline impute and scale --save-pipeline wrote, names following the columns', () => {
    const cwd = tmp();
    fs.writeFileSync(path.join(cwd, 'train.csv'), 'a,b,c\n1,,10\n3,4,\n5,8,30\n');
    fs.writeFileSync(path.join(cwd, 'test.csv'), 'a,b,c\n,2,20\n7,,\n');
    const impute = lab(['preprocess', 'impute', 'train.csv', '--strategy', 'mean', '-o', 'filled.csv', '--save-pipeline', 'impute.json'], cwd);
    expect(impute.code, impute.stderr).toBe(0);
    const applied = lab(['preprocess', 'apply', 'test.csv', '--pipeline', 'impute.json', '-o', '-'], cwd);
    expect(applied.code, applied.stderr).toBe(0);
    // scikit-learn: SimpleImputer().fit([[1,nan,10],[3,4,nan],[5,8,30]]).transform([[nan,2,20],[7,nan,nan]])
    expect(applied.stdout).toBe('a,b,c\n3,2,20\n7,6,20\n');
    expect(applied.stderr).toContain('test.csv → stdout: 2 rows → 3 columns');
  });

  it('writes CSV to stdout with -o - for impute, scale and convert, the summary on stderr', () => {
    const cwd = tmp();
    fs.writeFileSync(path.join(cwd, 't.csv'), 'a,b\n1,2\n3,\n');
    const impute = lab(['preprocess', 'impute', 't.csv', '--strategy', 'constant', '--fill-value', '9', '-o', '-'], cwd);
    expect({ code: impute.code, stdout: impute.stdout }).toEqual({ code: 0, stdout: 'a,b\n1,2\n3,9\n' });
    expect(impute.stderr).toContain('t.csv → -: 2 rows');
    const scale = lab(['preprocess', 'scale', 't.csv', '--method', 'minmax', '-o', '-'], cwd);
    expect(scale.code, scale.stderr).toBe(0);
    expect(scale.stdout).toBe('a,b\n0,0\n1,\n');
    const convert = lab(['preprocess', 'convert', 't.csv', '-o', '-'], cwd);
    expect({ code: convert.code, stdout: convert.stdout }).toEqual({ code: 0, stdout: 'a,b\n1,2\n3,\n' });
  });

  it('refuses, naming the fault: bad steps, text without onehot, missing cells without impute, a table without the fitted columns, a file that is no pipeline', () => {
    const cwd = tmp();
    fs.writeFileSync(path.join(cwd, 't.csv'), 'city,temp\nParis,12\nLyon,\nNice,20\n');
    const run = (steps: string, ...more: string[]) => lab(['preprocess', 'run', 't.csv', '--steps', steps, '-o', 'o.csv', ...more], cwd);
    expect(run('scale:standard,impute:mean').stderr).toContain("--steps: 'impute:mean' comes after scale; impute first, then scale");
    expect(run('impute:avg').stderr).toContain("--steps: 'impute:avg' needs one of impute:mean, impute:median, impute:most-frequent, impute:constant, impute:knn");
    expect(run('impute:mean,impute:median').stderr).toContain("'impute:median' is given twice");
    expect(run('sort:asc').stderr).toContain("'sort:asc' is not a step");
    const text = run('impute:mean,scale:standard');
    expect({ code: text.code, err: text.stderr.trim() }).toEqual({ code: 2, err: "lab: error: t.csv: the column 'city' holds categories (text, or --kinds); add onehot (every such column) or onehot:city to --steps, or --kinds city=numeric if it is a number" });
    expect(run('scale:standard,onehot').stderr.trim()).toBe('lab: error: t.csv: 1 cell is missing (the first at line 3, column 2 ("temp")); add impute:STRATEGY to --steps (mean, median, most-frequent, constant, knn)');
    expect(run('impute:mean,onehot:town').stderr).toContain("--steps onehot:town: t.csv has no column 'town'");
    expect(run('impute:mean,onehot', '--fill-value', '3').stderr).toContain('--fill-value applies only with impute:constant');
    expect(fs.existsSync(path.join(cwd, 'o.csv'))).toBe(false);

    expect(run('impute:constant,onehot:city', '--fill-value', '-1', '--save-pipeline', 'p.json').code).toBe(0);
    expect(fs.readFileSync(path.join(cwd, 'o.csv'), 'utf8')).toBe('num__temp,cat__city_Lyon,cat__city_Nice,cat__city_Paris\n12,0,0,1\n-1,1,0,0\n20,0,1,0\n');
    fs.writeFileSync(path.join(cwd, 'other.csv'), 'town,temp\nParis,1\n');
    const absent = lab(['preprocess', 'apply', 'other.csv', '--pipeline', 'p.json', '-o', '-'], cwd);
    expect({ code: absent.code, err: absent.stderr.trim() }).toEqual({ code: 2, err: "lab: error: other.csv: lacks the column 'city' that p.json was fitted on; it takes city, temp" });
    const notOne = lab(['preprocess', 'apply', 'other.csv', '--pipeline', 'other.csv', '-o', '-'], cwd);
    expect(notOne.code).toBe(2);
    expect(notOne.stderr).toContain('other.csv: not valid JSON');
    fs.writeFileSync(path.join(cwd, 'x.json'), '{"format":"something"}');
    expect(lab(['preprocess', 'apply', 'other.csv', '--pipeline', 'x.json', '-o', '-'], cwd).stderr).toContain('x.json: not a pipeline (lab preprocess run --save-pipeline, or impute / scale --save-pipeline, write one)');
  });
});
