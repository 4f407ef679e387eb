import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// lab export end to end with the built executable: models trained by lab train (MNIST from
// ../shared/data/mnist or the loader's other sources; vega-datasets' penguins and cars read in
// place), written as ONNX and run by --verify in ONNX Runtime (onnxruntime-node, a
// devDependency) against lab's own predictions on the same inputs: MNIST test images as raw
// 0–255 pixels, the tables' raw rows with their missing values.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
const penguins = path.join(vega, 'penguins.json');
const cars = path.join(vega, 'cars.json');

function lab(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, timeout: 280_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Result {
  format: string;
  bytes: number;
  inputs: { name: string; type: string; shape: (number | string)[] }[];
  outputs: { name: string }[];
  operators: string[];
  verify?: { samples: number; argmax_agreement?: number; max_abs_diff: number; max_rel_diff?: number; passed: boolean };
}
const json = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Result;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lab-export-'));

describe('lab export --format onnx --verify', () => {
  it("the lesson's MLP: raw pixels in, 1000/1000 argmax agreement with lab predict, on every backend", () => {
    const cwd = tmp();
    const train = lab(['train', '--epochs', '1', '--limit', '2000', '--seed', '1', '--out', 'mlp'], cwd);
    expect(train.code, train.stderr).toBe(0);
    for (const backend of ['auto', 'cpu', 'wasm']) {
      const run = lab(['export', '--model', 'mlp', '--out', `mlp-${backend}.onnx`, '--verify', '--backend', backend, '--json'], cwd);
      expect(run.code, run.stderr).toBe(0);
      const result = json(run.stdout);
      expect(result.inputs).toEqual([expect.objectContaining({ name: 'pixels', type: 'float', shape: ['N', 28, 28, 1] })]);
      expect(result.outputs.map((o) => o.name)).toEqual(['probabilities', 'label']);
      expect(result.verify).toMatchObject({ samples: 1000, argmax_agreement: 1000, passed: true });
      expect(result.verify!.max_abs_diff).toBeLessThanOrEqual(1e-5);
      expect(fs.statSync(path.join(cwd, `mlp-${backend}.onnx`)).size).toBe(result.bytes);
    }
    const text = lab(['export', '--model', 'mlp/model', '--out', 'out/mlp.onnx', '--verify', '--samples', '50'], cwd);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Wrote out\/mlp\.onnx \(\d+\.\d kB\): ONNX IR 8, opset ai\.onnx 13, ai\.onnx\.ml 2/);
    expect(text.stdout).toMatch(/Verified in ONNX Runtime 1\.\d+\.\d+ on 50 test images of MNIST: argmax agrees 50\/50, max \|Δp\| \d\.\d\de-\d+/);
  });

  it('the convnet with a median denoising filter inside the graph, and without its preprocessing', () => {
    const cwd = tmp();
    const train = lab(['train', '--model', 'cnn', '--epochs', '1', '--limit', '500', '--denoise', 'median:3', '--seed', '2', '--out', 'cnn'], cwd);
    expect(train.code, train.stderr).toBe(0);
    const run = lab(['export', '--model', 'cnn', '--out', 'cnn.onnx', '--verify', '--json'], cwd);
    expect(run.code, run.stderr).toBe(0);
    const result = json(run.stdout);
    expect(result.operators).toEqual(expect.arrayContaining(['Conv', 'MaxPool', 'TopK', 'Gather', 'Transpose']));
    expect(result.verify).toMatchObject({ samples: 1000, argmax_agreement: 1000, passed: true });
    expect(result.verify!.max_abs_diff).toBeLessThanOrEqual(1e-5);
    const bare = lab(['export', '--model', 'cnn', '--out', 'bare.onnx', '--no-preprocessing', '--verify', '--samples', '200', '--json'], cwd);
    expect(bare.code, bare.stderr).toBe(0);
    const b = json(bare.stdout);
    expect(b.inputs.map((i) => i.name)).toEqual(['input']);
    expect(b.operators).not.toContain('TopK');
    expect(b.verify).toMatchObject({ samples: 200, argmax_agreement: 200, passed: true });
  });

  it('tables: penguins (classification, "." missing) and cars (regression) take raw rows, missing values included', () => {
    const cwd = tmp();
    const flags = ['--epochs', '10', '--batch-size', '32', '--seed', '1'];
    expect(lab(['train', '--data', penguins, '--target', 'Species', '--missing', '.', ...flags, '--out', 'penguins'], cwd).code).toBe(0);
    const p = lab(['export', '--model', 'penguins', '--out', 'penguins.onnx', '--missing', '.', '--verify', '--data', penguins, '--json'], cwd);
    expect(p.code, p.stderr).toBe(0);
    const pr = json(p.stdout);
    expect(pr.inputs.map((i) => `${i.name}:${i.type}`)).toEqual(['Island:string', 'Beak Length (mm):float', 'Beak Depth (mm):float', 'Flipper Length (mm):float', 'Body Mass (g):float', 'Sex:string']);
    expect(pr.operators).toEqual(expect.arrayContaining(['ai.onnx.ml:Imputer', 'ai.onnx.ml:Scaler', 'ai.onnx.ml:OneHotEncoder', 'ai.onnx.ml:LabelEncoder']));
    expect(pr.verify).toMatchObject({ samples: 344, argmax_agreement: 344, passed: true });

    expect(lab(['train', '--data', cars, '--target', 'Miles_per_Gallon', ...flags, '--out', 'cars'], cwd).code).toBe(0);
    const c = lab(['export', '--model', 'cars', '--out', 'cars.onnx', '--verify', '--data', cars, '--json'], cwd);
    expect(c.code, c.stderr).toBe(0);
    const cr = json(c.stdout);
    expect(cr.outputs.map((o) => o.name)).toEqual(['prediction']);
    expect(cr.verify).toMatchObject({ samples: 406, passed: true });
    expect(cr.verify!.max_rel_diff).toBeLessThanOrEqual(1e-5);
  });

  it('refuses what it cannot do with one clear line and a non-zero exit', () => {
    const cwd = tmp();
    expect(lab(['train', '--data', cars, '--target', 'Miles_per_Gallon', '--impute', 'knn', '--epochs', '2', '--seed', '1', '--out', 'knn'], cwd).code).toBe(0);
    const knn = lab(['export', '--model', 'knn', '--out', 'knn.onnx'], cwd);
    expect(knn.code).toBe(2);
    expect(knn.stderr).toMatch(/^lab: error: ONNX export: the table's numeric imputer is k-nearest neighbours .*\(lab export --no-preprocessing\)\n$/m);
    expect(fs.existsSync(path.join(cwd, 'knn.onnx'))).toBe(false);
    const bare = lab(['export', '--model', 'knn', '--out', 'knn.onnx', '--no-preprocessing', '--verify', '--data', cars, '--json'], cwd);
    expect(bare.code, bare.stderr).toBe(0);
    expect(json(bare.stdout).verify).toMatchObject({ samples: 406, passed: true });
    const noData = lab(['export', '--model', 'knn', '--out', 'k2.onnx', '--no-preprocessing', '--verify'], cwd);
    expect(noData.code).toBe(2);
    expect(noData.stderr).toContain('--verify on a table model needs its raw rows: --data FILE.csv|.json');
    const suffix = lab(['export', '--model', 'knn', '--out', 'model.bin'], cwd);
    expect(suffix.code).toBe(2);
    expect(suffix.stderr).toContain("--out model.bin: an ONNX file's name ends in .onnx");
    const missing = lab(['export', '--model', 'nowhere', '--out', 'x.onnx'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nowhere/model.json: not found');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('--format tfjs writes the Layers folder (with a table model its preprocessing.json)', () => {
    const cwd = tmp();
    expect(lab(['train', '--data', penguins, '--target', 'Species', '--missing', '.', '--epochs', '2', '--seed', '1', '--out', 'p'], cwd).code).toBe(0);
    const run = lab(['export', '--model', 'p', '--format', 'tfjs', '--out', 'p-tfjs'], cwd);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readdirSync(path.join(cwd, 'p-tfjs')).sort()).toEqual(['model.json', 'preprocessing.json', 'weights.bin']);
    expect(fs.readFileSync(path.join(cwd, 'p-tfjs', 'preprocessing.json'), 'utf8')).toBe(fs.readFileSync(path.join(cwd, 'p', 'model', 'preprocessing.json'), 'utf8'));
    const predicted = lab(['predict', '--model', 'p-tfjs', '--data', penguins, '--missing', '.'], cwd);
    const original = lab(['predict', '--model', 'p', '--data', penguins, '--missing', '.'], cwd);
    expect(predicted.code, predicted.stderr).toBe(0);
    expect(predicted.stdout).toBe(original.stdout);
  });
});
