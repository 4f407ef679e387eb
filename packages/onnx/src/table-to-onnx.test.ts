import { createRequire } from 'node:module';
import path from 'node:path';
import { Dense, Sequential } from '@lab/models';
import { type Table, TablePreprocessing, type TablePreprocessingOptions, type TableTask } from '@lab/preprocess';
import { readTableFile } from '@lab/preprocess/node';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkOnnxModel } from './check-onnx.js';
import { tableFeeds } from './table-to-onnx.js';
import { maxAbsDiff, runOnnx } from './test/ort.js';
import { toOnnx } from './to-onnx.js';

// Reference: lab's TablePreprocessing.transform (equal to scikit-learn 1.2's ColumnTransformer in
// @lab/preprocess's tests) then lab's predict, on vega-datasets' penguins and cars with their
// missing values; ONNX Runtime runs the exported graph on the raw rows (tableFeeds).
const data = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');

function split(table: Table, target: string): { features: Table; y: Table['columns'][number] } {
  const t = table.names.indexOf(target);
  const y = table.columns[t]!;
  const keep = Array.from({ length: y.length }, (_, r) => r).filter((r) => !(y[r] === null || (typeof y[r] === 'number' && Number.isNaN(y[r] as number))));
  const pick = (c: Table['columns'][number]) => (c instanceof Float64Array ? Float64Array.from(keep, (r) => c[r]!) : keep.map((r) => c[r]!));
  return { features: { names: table.names.filter((_, i) => i !== t), columns: table.columns.filter((_, i) => i !== t).map(pick) }, y: pick(y) };
}

async function exportAndCompare(file: string, target: string, task: TableTask, options: TablePreprocessingOptions, missing: string[] = []) {
  const raw = await readTableFile(path.join(data, file));
  const marked: Table = { names: raw.names, columns: raw.columns.map((c) => (c instanceof Float64Array ? c : c.map((v) => (v !== null && missing.includes(v.trim()) ? null : v)))) };
  const { features, y } = split(marked, target);
  const pre = TablePreprocessing.fit(features, target, y, task, options);
  const outputs = pre.target.outputs;
  const model = new Sequential([new Dense({ units: 12, activation: 'relu' }), new Dense({ units: outputs, activation: task === 'classification' ? 'softmax' : 'linear' })], { seed: 5 });
  model.build([pre.featureNames.length]);
  // lab: transform the rows with missing values marked, predict, decode.
  const x = pre.transform(features);
  const p = model.predict(x);
  const want = (await p.data()) as Float32Array;
  tf.dispose([x, p]);
  // ONNX: the raw rows, '.' and all, the markers given to the export.
  const { features: rawFeatures } = split(raw, target);
  const exported = await toOnnx(model, { preprocessing: pre, missing });
  checkOnnxModel(exported.bytes);
  const feeds = tableFeeds(pre, rawFeatures, missing);
  const got = await runOnnx(exported.bytes, Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, { data: v.data, dims: v.dims }])));
  model.dispose();
  return { pre, want, got, exported, rows: features.columns[0]!.length };
}

describe('toOnnx: a table model takes raw rows, missing values included', () => {
  for (const scale of ['standard', 'minmax', 'none'] as const) {
    for (const impute of ['mean', 'median', 'most_frequent'] as const) {
      it(`penguins → Species, impute ${impute}, scale ${scale}: same probabilities and labels`, async () => {
        const { pre, want, got, exported, rows } = await exportAndCompare('penguins.json', 'Species', 'classification', { impute, scale }, ['.']);
        expect(exported.inputs.map((i) => i.name)).toEqual(pre.columns.map((c) => c.name));
        expect(exported.outputs.map((o) => o.name)).toEqual(['probabilities', 'label']);
        expect(maxAbsDiff(got.probabilities!.data as Float32Array, want)).toBeLessThan(1e-5);
        const labels = got.label!.data as string[];
        for (let r = 0; r < rows; r++) {
          const row = Array.from(want.subarray(r * 3, r * 3 + 3));
          expect(labels[r]).toBe(pre.target.labels![row.indexOf(Math.max(...row))]);
        }
      });
    }
  }

  it('cars → Miles_per_Gallon (regression; Year a date, Horsepower missing): same predictions in miles per gallon', async () => {
    const { pre, want, got, exported } = await exportAndCompare('cars.json', 'Miles_per_Gallon', 'regression', {});
    expect(pre.columns.find((c) => c.name === 'Year')?.kind).toBe('date');
    expect(exported.outputs.map((o) => o.name)).toEqual(['prediction']);
    const mpg = pre.target.decode(want);
    const pred = got.prediction!.data as Float32Array;
    expect(maxAbsDiff(pred, mpg) / Math.max(...mpg)).toBeLessThan(1e-6);
  });

  it('an unseen category encodes as all zeros, a boolean column reads true/false text, a missing marker takes the fill', async () => {
    const features: Table = { names: ['size', 'colour', 'ok'], columns: [Float64Array.of(1, 2, Number.NaN, 4, 5), ['red', 'blue', null, 'red', 'green'], ['true', 'False', 'yes', null, 'NO']] };
    const pre = TablePreprocessing.fit(features, 'y', ['a', 'b', 'a', 'b', 'a'], 'classification', {});
    expect(pre.columns.map((c) => c.kind)).toEqual(['numeric', 'categorical', 'boolean']);
    const model = new Sequential([new Dense({ units: 2, activation: 'softmax' })], { seed: 1 });
    model.build([pre.featureNames.length]);
    const rows: Table = { names: features.names, columns: [Float64Array.of(Number.NaN, 3), ['purple', 'NA'], ['TRUE', '']] };
    const x = pre.transform(rows);
    const p = model.predict(x);
    const want = (await p.data()) as Float32Array;
    tf.dispose([x, p]);
    const { bytes } = await toOnnx(model, { preprocessing: pre });
    const feeds = tableFeeds(pre, rows);
    const got = await runOnnx(bytes, Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, { data: v.data, dims: v.dims }])));
    expect(maxAbsDiff(got.probabilities!.data as Float32Array, want)).toBeLessThan(1e-6);
    model.dispose();
  });

  it('KNN imputation is an error naming the step', async () => {
    const features: Table = { names: ['a', 'b'], columns: [Float64Array.of(1, Number.NaN, 3), Float64Array.of(2, 4, 5)] };
    const pre = TablePreprocessing.fit(features, 'y', Float64Array.of(1, 2, 3), 'regression', { impute: 'knn' });
    const model = new Sequential([new Dense({ units: 1 })], { seed: 1 });
    model.build([2]);
    await expect(toOnnx(model, { preprocessing: pre })).rejects.toThrow(/k-nearest neighbours \(impute 'knn'\).*without its preprocessing/);
    expect(checkOnnxModel((await toOnnx(model)).bytes).inputs).toEqual(['input']);
    model.dispose();
  });
});
