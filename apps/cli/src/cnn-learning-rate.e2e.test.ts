import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The learning rate `--model cnn` trains with when no learning-rate flag is given (Adam from 0.005,
// ×0.5 every 1000 steps: CNN_LEARNING_RATE), end to end with the built executable on the default
// backend: what is printed, saved and used step by step, and that explicit flags, another
// optimizer and --resume keep their own rate.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataArgs = fs.existsSync(shared) ? ['--data', shared] : [];
// 640 samples at batch 64: 10 steps an epoch.
const short = ['train', ...dataArgs, '--model', 'cnn', '--limit', '640', '--seed', '3', '--json'];

function lab(args: string[]) {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cwd-'));
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LAB_DATA_DIR: undefined }, cwd, timeout: 280_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lastJson(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

const rates = (out: Record<string, unknown>) => (out.history as Record<string, number[]>).learning_rate!;

describe('lab train --model cnn: the default learning rate', () => {
  it('is Adam from 0.005 halved every 1000 steps: printed, saved in config.json and the report, and used each step', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cnn-lr-'));
    const r = lab([...short, '--epochs', '2', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('batch size 64, adam (learning rate 0.005, decaying ×0.5 every 1000 steps (the cnn default)), loss categorical-crossentropy');
    const json = lastJson(r.stdout);
    expect(json).toMatchObject({ model: 'cnn', optimizer: 'adam', learning_rate: 0.005 });
    // The rate logged at the end of epoch e is the next step's: 0.005 · 0.5^(10e / 1000).
    expect(rates(json)[0]).toBeCloseTo(0.005 * 0.5 ** 0.01, 9);
    expect(rates(json)[1]).toBeCloseTo(0.005 * 0.5 ** 0.02, 9);
    const config = JSON.parse(fs.readFileSync(path.join(out, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ model: 'cnn', learningRate: 0.005, lrSchedule: 'exponential', decayRate: 0.5, decaySteps: 1000, staircase: false });
    expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('0.005, decaying ×0.5 every 1000 steps (the cnn default)');
  });

  it('gives way to an explicit --lr-schedule constant, --learning-rate or another optimizer', () => {
    const constant = lab([...short, '--epochs', '1', '--lr-schedule', 'constant']);
    expect(constant.code, constant.stderr).toBe(0);
    expect(constant.stderr).toContain('adam (learning rate 0.001), loss');
    expect(rates(lastJson(constant.stdout))).toEqual([0.001]);
    const rate = lab([...short, '--epochs', '1', '--learning-rate', '0.002']);
    expect(rate.code, rate.stderr).toBe(0);
    expect(rate.stderr).toContain('adam (learning rate 0.002), loss');
    expect(rates(lastJson(rate.stdout))).toEqual([0.002]);
    const sgd = lab([...short, '--epochs', '1', '--optimizer', 'sgd']);
    expect(sgd.code, sgd.stderr).toBe(0);
    expect(sgd.stderr).toContain('sgd (learning rate 0.01), loss');
    expect(rates(lastJson(sgd.stdout))).toEqual([0.01]);
  });

  it('--resume keeps the saved run rate: a run begun with a constant rate continues with it', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cnn-lr-'));
    const first = lab([...short, '--epochs', '1', '--lr-schedule', 'constant', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    const resumed = lab(['train', '--resume', out, '--epochs', '2', '--override', '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('adam (learning rate 0.001), loss');
    expect(rates(lastJson(resumed.stdout))).toEqual([0.001]);
  });
});

describe('lab cv --model cnn: the default learning rate', () => {
  it('is the same schedule, and --learning-rate makes it constant', () => {
    const cv = ['cv', ...dataArgs, '--model', 'cnn', '--limit', '400', '--folds', '2', '--epochs', '1', '--seed', '1', '--json'];
    const schedule = lab(cv);
    expect(schedule.code, schedule.stderr).toBe(0);
    expect(schedule.stderr).toContain('2-fold cross-validation on 400 samples, 1 epoch per fold, adam (learning rate 0.005, decaying ×0.5 every 1000 steps (the cnn default)), loss categorical-crossentropy');
    const constant = lab([...cv, '--learning-rate', '0.001']);
    expect(constant.code, constant.stderr).toBe(0);
    expect(constant.stderr).toContain('1 epoch per fold, adam (learning rate 0.001), loss categorical-crossentropy\n');
    // Different rates, different models: the fold scores differ.
    expect(lastJson(constant.stdout).mean).not.toEqual(lastJson(schedule.stdout).mean);
  });
});
