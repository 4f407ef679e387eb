import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIdxUint8 } from '@lab/data';
import { loadMnist } from '@lab/data/node';
import { beforeAll, describe, expect, it } from 'vitest';

// Every command on every backend that loads here, the default `auto` first: `lab cv` once failed
// on auto (= native) while the tests ran it only on cpu and wasm. Small data keeps each run short.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataDir = fs.existsSync(shared) ? shared : undefined;
const dataArgs = dataDir ? ['--data', dataDir] : [];
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-backends-'));

function lab(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, LAB_DATA_DIR: undefined, ...env }, timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;

// auto picks native wherever the addon built (CI builds it: LAB_NATIVE_REQUIRED is not needed for
// this, the native tests already fail without the addon).
const backends = ['auto', 'native', 'wasm', 'cpu'] as const;
const idxFile = path.join(root, 'digits-idx3-ubyte');
let labels: number[] = [];

beforeAll(async () => {
  const mnist = await loadMnist({ dataDir });
  fs.writeFileSync(idxFile, encodeIdxUint8(mnist.test.images.subarray(0, 16 * 784), [16, 28, 28]));
  labels = Array.from(mnist.test.labels.subarray(0, 16));
});

describe.each(backends)('every command on --backend %s', (backend) => {
  const out = path.join(root, `run-${backend}`);

  it('train, evaluate (same accuracy), predict and cv', () => {
    const trained = lab(['train', ...dataArgs, '--limit', '1500', '--epochs', '1', '--seed', '4', '--backend', backend, '--out', out, '--json']);
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.stderr).toContain(backend === 'auto' ? 'Backend: native (auto' : `Backend: ${backend} (requested`);
    const summary = lastJson(trained.stdout);
    expect(summary.test_accuracy).toBeGreaterThan(0.75);

    const evaluated = lab(['evaluate', '--model', path.join(out, 'model'), ...dataArgs, '--backend', backend, '--json']);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(Number(lastJson(evaluated.stdout).test_accuracy)).toBeCloseTo(Number(summary.test_accuracy), 4);

    const predicted = lab(['predict', '--model', path.join(out, 'model'), idxFile, '--backend', backend, '--json']);
    expect(predicted.code, predicted.stderr).toBe(0);
    const { predictions } = JSON.parse(predicted.stdout.trim().split('\n').pop()!) as { predictions: { top: { label: string; probability: number }[] }[] };
    expect(predictions).toHaveLength(16);
    const right = predictions.filter((p, i) => p.top[0]!.label === String(labels[i])).length;
    expect(right).toBeGreaterThanOrEqual(10);
    for (const p of predictions) expect(p.top.every((t) => Number.isFinite(t.probability))).toBe(true);

    const cv = lab(['cv', ...dataArgs, '--limit', '1200', '--folds', '2', '--epochs', '2', '--backend', backend, '--json']);
    expect(cv.code, cv.stderr).toBe(0);
    const folds = lastJson(cv.stdout).folds as { scores: { accuracy: number } }[];
    expect(folds).toHaveLength(2);
    for (const f of folds) expect(f.scores.accuracy).toBeGreaterThan(0.5);
  });
});

// The table commands on every backend: penguins (classification, "." missing) and cars
// (regression), from vega-datasets. The backends sum in different orders, so the predictions agree
// to rounding across them, not bit for bit.
describe('table commands (train, evaluate, predict, cv) on every backend', () => {
  const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
  const penguins = ['--data', path.join(vega, 'penguins.json'), '--missing', '.'];
  const cars = ['--data', path.join(vega, 'cars.json')];
  it('give the same scores and predictions whatever the backend', () => {
    const probabilities: number[][] = [];
    const mpg: number[][] = [];
    for (const backend of backends) {
      const dir = path.join(root, `penguins-${backend}`);
      const trained = lab(['train', ...penguins, '--target', 'Species', '--epochs', '10', '--batch-size', '32', '--seed', '1', '--backend', backend, '--out', dir, '--json']);
      expect(trained.code, trained.stderr).toBe(0);
      const accuracy = Number(lastJson(trained.stdout).test_accuracy);
      expect(accuracy).toBeGreaterThan(0.9);
      const evaluated = lab(['evaluate', '--model', dir, ...penguins, '--backend', backend, '--json']);
      expect(evaluated.code, evaluated.stderr).toBe(0);
      expect(Number(lastJson(evaluated.stdout).test_accuracy)).toBeGreaterThan(0.9);
      const predicted = lab(['predict', '--model', dir, ...penguins, '--backend', backend, '--json']);
      expect(predicted.code, predicted.stderr).toBe(0);
      const rows = lastJson(predicted.stdout).predictions as { probabilities: Record<string, number> }[];
      expect(rows).toHaveLength(344);
      probabilities.push(rows.flatMap((r) => Object.values(r.probabilities)));

      const carsDir = path.join(root, `cars-${backend}`);
      const regressed = lab(['train', ...cars, '--target', 'Miles_per_Gallon', '--ignore', 'Name,Year', '--epochs', '10', '--seed', '1', '--backend', backend, '--out', carsDir, '--json']);
      expect(regressed.code, regressed.stderr).toBe(0);
      expect(Number(lastJson(regressed.stdout).test_rmse)).toBeLessThan(6);
      const values = lab(['predict', '--model', carsDir, ...cars, '--backend', backend, '--json']);
      expect(values.code, values.stderr).toBe(0);
      mpg.push((lastJson(values.stdout).predictions as { predicted: number }[]).map((r) => r.predicted));

      const cv = lab(['cv', ...cars, '--target', 'Miles_per_Gallon', '--ignore', 'Name,Year', '--folds', '2', '--epochs', '5', '--seed', '1', '--backend', backend, '--json']);
      expect(cv.code, cv.stderr).toBe(0);
      expect((lastJson(cv.stdout).folds as unknown[]).length).toBe(2);
    }
    for (const p of probabilities.slice(1)) for (let i = 0; i < p.length; i++) expect(Math.abs(p[i]! - probabilities[0]![i]!)).toBeLessThan(1e-3);
    for (const m of mpg.slice(1)) for (let i = 0; i < m.length; i++) expect(Math.abs(m[i]! - mpg[0]![i]!)).toBeLessThan(0.05);
  });
});

describe('lab preprocess denoise on every backend', () => {
  // Every filter: on cpu, wasm and native (auto's choice) the separable mean and Gaussian filters
  // run as the same scipy-exact host passes, so the bytes agree.
  it.each([['median'], ['mean'], ['gaussian']])('writes the same %s-filtered images whatever the backend', (filter) => {
    const outputs = backends.map((backend) => {
      const out = path.join(root, `${filter}-${backend}.idx`);
      const r = lab(['preprocess', 'denoise', idxFile, '-o', out, '--filter', filter, ...(filter === 'gaussian' ? ['--sigma', '1'] : ['--size', '3']), '--backend', backend]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(backend === 'auto' ? 'Backend: native (auto' : `Backend: ${backend} (requested`);
      return fs.readFileSync(out);
    });
    for (const o of outputs.slice(1)) expect(o.equals(outputs[0]!)).toBe(true);
  });
});

// The addon picks the best instruction set the CPU has; users' CPUs may have less (or more).
// LAB_NATIVE_ISA forces each lower level, so this machine runs every path it can and compares them.
describe('native at every instruction set this CPU allows', () => {
  it('trains to the same numbers at generic, avx2 and (where present) avx512, and refuses a level the CPU lacks', () => {
    const runs: { isa: string; loss: number; accuracy: number }[] = [];
    const refused: string[] = [];
    for (const isa of ['generic', 'avx2', 'avx512']) {
      const r = lab(['train', ...dataArgs, '--limit', '1000', '--epochs', '1', '--seed', '9', '--backend', 'native', '--json'], { LAB_NATIVE_ISA: isa });
      if (r.code !== 0) {
        expect(r.stderr).toMatch(new RegExp(`LAB_NATIVE_ISA=${isa}, but this CPU supports at most (generic|avx2)`));
        refused.push(isa);
        continue;
      }
      expect(r.stderr).toContain(`${isa} kernels`);
      const out = lastJson(r.stdout);
      runs.push({ isa, loss: Number(out.test_loss), accuracy: Number(out.test_accuracy) });
    }
    console.log(`native ISA levels run: ${runs.map((r) => r.isa).join(', ')}; not on this CPU: ${refused.join(', ') || 'none'}`);
    expect(runs.map((r) => r.isa).slice(0, 2)).toEqual(['generic', 'avx2']);
    // The levels sum in different orders (FMA, blocking): equal to rounding, not bit for bit.
    for (const r of runs.slice(1)) {
      expect(Math.abs(r.loss - runs[0]!.loss)).toBeLessThan(2e-3);
      expect(Math.abs(r.accuracy - runs[0]!.accuracy)).toBeLessThan(3e-3);
    }
    const bad = lab(['train', '--backend', 'native', '--limit', '10'], { LAB_NATIVE_ISA: 'sse9' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("LAB_NATIVE_ISA must be one of generic, avx2, avx512; got 'sse9'");
  });
});
