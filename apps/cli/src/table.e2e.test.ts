import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '@lab/models';
import { fileSystem } from '@lab/models/node';
import { parseJsonTable, TablePreprocessing } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';

// lab train, cv, evaluate and predict on tables, end to end with the built executable on the
// default backend (auto), on real data from the npm package vega-datasets (a devDependency; its
// files are read in place, never copied into the repository): penguins.json (344 penguins; target
// Species; Island and Sex categorical, Sex with '.' and null; four measurements, two rows without any)
// and cars.json (406 cars; target Miles_per_Gallon missing in 8 rows; Horsepower in 6).
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
// vega-datasets exports only its JS entry (build/index.js); the data folder sits beside build/.
const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
const penguins = path.join(vega, 'penguins.json');
const cars = path.join(vega, 'cars.json');

function lab(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LAB_DATA_DIR: undefined }, cwd, timeout: 280_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lastJson<T = Record<string, unknown>>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lab-table-'));
/** Enough epochs for ~275 training rows at batch 32 (9 steps an epoch). */
const fitFlags = ['--epochs', '40', '--batch-size', '32', '--seed', '1'];

describe('lab cv on tables', () => {
  it('classifies the penguins (JSON, and the same table as CSV) at mean accuracy >= 0.98 over 5 folds', () => {
    const cwd = tmp();
    const fromJson = lab(['cv', '--data', penguins, '--target', 'Species', '--missing', '.', '--folds', '5', ...fitFlags, '--json'], cwd);
    expect(fromJson.code, fromJson.stderr).toBe(0);
    const json = lastJson<{ task: string; mean: Record<string, number>; std: Record<string, number>; folds: unknown[] }>(fromJson.stdout);
    expect(json.task).toBe('classification');
    expect(json.folds).toHaveLength(5);
    expect(Object.keys(json.mean).sort()).toEqual(['accuracy', 'f1', 'precision', 'recall']);
    expect(json.mean.accuracy).toBeGreaterThanOrEqual(0.98);
    expect(fromJson.stderr).toContain('Task: classification (the target holds text; --task sets it)');

    const convert = lab(['preprocess', 'convert', penguins, '-o', 'penguins.csv'], cwd);
    expect(convert.code, convert.stderr).toBe(0);
    const fromCsv = lab(['cv', '--data', 'penguins.csv', '--target', 'Species', '--missing', '.', '--folds', '5', ...fitFlags, '--json'], cwd);
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    const csv = lastJson<{ mean: Record<string, number> }>(fromCsv.stdout);
    expect(csv.mean.accuracy).toBeGreaterThanOrEqual(0.98);
  });

  it('regresses the cars’ Miles_per_Gallon at mean RMSE <= 3.9 over 5 folds', () => {
    const r = lab(['cv', '--data', cars, '--target', 'Miles_per_Gallon', '--ignore', 'Name,Year', '--folds', '5', '--epochs', '80', '--batch-size', '32', '--seed', '1', '--json'], tmp());
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson<{ task: string; mean: Record<string, number> }>(r.stdout);
    expect(out.task).toBe('regression');
    expect(Object.keys(out.mean).sort()).toEqual(['mae', 'r2', 'rmse']);
    expect(out.mean.rmse).toBeLessThanOrEqual(3.9);
    expect(out.mean.r2).toBeGreaterThan(0.7);
    expect(r.stderr).toContain('(8 rows without a target dropped)');
  });
});

describe('lab train, evaluate and predict on a table', () => {
  it('trains on penguins with a stratified 70/30 split, saves the preprocessing beside the model, and predicts raw rows as the library does', async () => {
    const cwd = tmp();
    const r = lab(['train', '--data', penguins, '--target', 'Species', '--missing', '.', ...fitFlags, '--out', 'run', '--json'], cwd);
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson<{ test_accuracy: number; train_samples: number; test_samples: number }>(r.stdout);
    expect(out.test_samples).toBe(Math.ceil(344 * 0.3));
    expect(out.train_samples).toBe(344 - Math.ceil(344 * 0.3));
    expect(out.test_accuracy).toBeGreaterThan(0.95);
    const modelDir = path.join(cwd, 'run', 'model');
    const saved = JSON.parse(fs.readFileSync(path.join(modelDir, 'preprocessing.json'), 'utf8'));
    expect(saved).toMatchObject({ format: 'lab-table-preprocessing', version: 1, target: { name: 'Species', task: 'classification', labels: ['Adelie', 'Chinstrap', 'Gentoo'] } });
    expect(fs.readFileSync(path.join(cwd, 'run', 'report.html'), 'utf8')).toContain('Confusion matrix');

    const evaluated = lab(['evaluate', '--model', modelDir, '--data', penguins, '--missing', '.', '--json'], cwd);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(lastJson<{ test_samples: number }>(evaluated.stdout).test_samples).toBe(344);

    // New raw rows, missing values and an unseen island included, without the target column.
    const rows = 'Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex\nBiscoe,46.5,14.4,217,4900,FEMALE\nDream,39.2,,190,3650,\nTorgersen,,,,,MALE\nAtlantis,50,15,220,5000,MALE\n';
    fs.writeFileSync(path.join(cwd, 'new.csv'), rows);
    const predicted = lab(['predict', '--model', modelDir, '--data', 'new.csv', '--json'], cwd);
    expect(predicted.code, predicted.stderr).toBe(0);
    const cli = lastJson<{ predictions: { row: number; predicted: string; probabilities: Record<string, number> }[] }>(predicted.stdout).predictions;
    expect(cli).toHaveLength(4);
    const asCsv = lab(['predict', '--model', modelDir, '--data', 'new.csv'], cwd);
    expect(asCsv.stdout.split('\n')[0]).toBe('row,predicted_Species,probability_Adelie,probability_Chinstrap,probability_Gentoo');

    // The library path: the saved model and preprocessing.json, on the same raw rows.
    await selectBackend('auto');
    const model = await loadModel(fileSystem(modelDir));
    const pre = TablePreprocessing.fromJSON(saved);
    const table = parseJsonTable(
      JSON.stringify(rows.trim().split('\n').slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [rows.split('\n')[0]!.split(',')[i]!, v === '' ? null : Number.isNaN(Number(v)) ? v : Number(v)])))),
    );
    const x = pre.transform(table);
    const probabilities = (await model.predict(x).array()) as number[][];
    tf.dispose(x);
    model.dispose();
    probabilities.forEach((p, i) => {
      const labels = pre.target.labels!;
      expect(cli[i]!.predicted).toBe(labels[p.indexOf(Math.max(...p))]);
      for (const [c, label] of labels.entries()) expect(cli[i]!.probabilities[label]).toBeCloseTo(p[c]!, 5);
    });
  });

  it('names the column at fault: no --target, an unknown target, a column the model does not know, one it lacks', () => {
    const cwd = tmp();
    const noTarget = lab(['train', '--data', penguins, '--epochs', '1'], cwd);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toMatch(/--data .*penguins\.json is a table: name the column to predict with --target \(its columns: Species, Island/);
    const typo = lab(['train', '--data', penguins, '--target', 'Specie', '--epochs', '1'], cwd);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("has no column 'Specie' (did you mean 'Species'?)");
    const trained = lab(['train', '--data', cars, '--target', 'Miles_per_Gallon', '--ignore', 'Name,Year', '--epochs', '2', '--seed', '2', '--out', 'run'], cwd);
    expect(trained.code, trained.stderr).toBe(0);
    // The run resumes from its checkpoint, finding the table by its saved absolute path.
    const resumed = lab(['train', '--resume', path.join(cwd, 'run'), '--epochs', '3', '--override', '--json'], tmp());
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('Resuming');
    expect(fs.readFileSync(path.join(cwd, 'run', 'metrics.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
    expect(lastJson<{ test_rmse: number }>(resumed.stdout).test_rmse).toBeLessThan(10);
    const kinds = lab(['train', '--data', cars, '--target', 'Miles_per_Gallon', '--ignore', 'Name,Year', '--kinds', 'Cylinders=categorical', '--epochs', '1', '--out', 'kinds'], cwd);
    expect(kinds.code, kinds.stderr).toBe(0);
    const pre = JSON.parse(fs.readFileSync(path.join(cwd, 'kinds', 'model', 'preprocessing.json'), 'utf8')) as { columns: { name: string; kind: string }[]; featureNames: string[] };
    expect(pre.columns.find((c) => c.name === 'Cylinders')!.kind).toBe('categorical');
    expect(pre.featureNames).toContain('cat__Cylinders_8');
    const badKind = lab(['train', '--data', cars, '--target', 'Miles_per_Gallon', '--kinds', 'Cylindres=categorical'], cwd);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain("--kinds Cylindres: 'Cylindres' is not a feature column of");
    expect(badKind.stderr).toContain("(did you mean 'Cylinders'?)");
    fs.writeFileSync(path.join(cwd, 'extra.csv'), 'Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Origin,Colour\n4,100,90,2000,15,USA,red\n');
    const extra = lab(['predict', '--model', 'run/model', '--data', 'extra.csv'], cwd);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain("extra.csv: the model does not know the column 'Colour'");
    fs.writeFileSync(path.join(cwd, 'short.csv'), 'Cylinders,Displacement,Horsepower,Weight_in_lbs,Origin\n4,100,90,2000,USA\n');
    const short = lab(['predict', '--model', 'run/model', '--data', 'short.csv'], cwd);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("short.csv: the table lacks the column 'Acceleration' that the model needs");
    expect(short.stderr).not.toMatch(/\n\s+at /);
  });
});
