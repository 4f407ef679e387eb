import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A model trained with --denoise keeps the filter with it: evaluate and predict apply it, so
// evaluate reproduces the training run's test accuracy exactly (it used to skip the filter).
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataArgs = fs.existsSync(shared) ? ['--data', shared] : [];

function lab(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LAB_DATA_DIR: undefined }, cwd, timeout: 280_000, maxBuffer: 1 << 26 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const last = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;

describe('--denoise is part of the saved model', () => {
  it('evaluate applies the training filter and reproduces the test accuracy exactly; predict applies it too', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-denoise-'));
    const trained = lab(['train', ...dataArgs, '--denoise', 'median:3', '--limit', '2000', '--epochs', '1', '--seed', '3', '--out', 'run', '--json'], cwd);
    expect(trained.code, trained.stderr).toBe(0);
    const model = JSON.parse(fs.readFileSync(path.join(cwd, 'run', 'model', 'model.json'), 'utf8'));
    expect(JSON.stringify(model)).toContain('"denoise":{"filter":"median","value":3}');
    // --model takes the run folder too (its model/ is used).
    const evaluated = lab(['evaluate', '--model', 'run', ...dataArgs, '--json'], cwd);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(evaluated.stderr).toContain('Denoising the test images as the model was trained: median 3');
    expect(last(evaluated.stdout).test_accuracy).toBe(last(trained.stdout).test_accuracy);
    expect(last(evaluated.stdout).test_loss).toBeCloseTo(last(trained.stdout).test_loss as number, 5);

    // predict on the first test images (an IDX file) agrees with the test report's predictions.
    const report = JSON.parse(fs.readFileSync(path.join(cwd, 'run', 'test-report.json'), 'utf8')) as { misclassified: { index: number; predicted: number }[] };
    const images = path.join(shared, fs.readdirSync(shared).find((f) => f.startsWith('t10k-images'))!);
    const predicted = lab(['predict', '--model', 'run/model', images, '--top-k', '1', '--json'], cwd);
    expect(predicted.code, predicted.stderr).toBe(0);
    const { predictions } = JSON.parse(predicted.stdout.trim().split('\n').pop()!) as { predictions: { top: { label: string }[] }[] };
    for (const m of report.misclassified.slice(0, 20)) expect(predictions[m.index]!.top[0]!.label).toBe(String(m.predicted));
  });
});
