import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `--early-stopping PATIENCE` and `--reduce-lr-on-plateau PATIENCE` of lab train, end to end with
// the built executable on the default backend (auto). The expected stops and rate changes are
// derived from the run's own logged history with Keras's rules (EarlyStopping: stop at the first
// epoch > 0 after `patience` epochs whose monitor did not beat the best so far; ReduceLROnPlateau:
// the rate is multiplied by the factor after `patience` epochs not better than best − 1e-4).
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataArgs = fs.existsSync(shared) ? ['--data', shared] : [];

function lab(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LAB_DATA_DIR: undefined }, cwd, timeout: 280_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function lastJson(stdout: string): { epochs_run: number; history: Record<string, number[]> } {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!);
}

/** The 0-based epoch at which Keras's EarlyStopping (minDelta 0) stops a run with these monitor values, or undefined. */
function kerasStop(values: number[], patience: number): number | undefined {
  let best = Infinity;
  let wait = 0;
  for (const [epoch, v] of values.entries()) {
    wait += 1;
    if (v < best) {
      best = v;
      wait = 0;
    } else if (wait >= patience && epoch > 0) return epoch;
  }
  return undefined;
}

const small = [...dataArgs, '--limit', '300', '--validation-split', '0.5', '--seed', '3', '--json'];

describe('lab train callbacks', () => {
  it('stops early by Keras rules and continues the count on --resume', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-es-'));
    const r = lab(['train', ...small, '--epochs', '40', '--early-stopping', '1', '--out', 'run'], cwd);
    expect(r.code, r.stderr).toBe(0);
    const out = lastJson(r.stdout);
    const stop = kerasStop(out.history.val_loss!, 1);
    expect(stop, 'a 300-sample run overfits well before 40 epochs').toBeDefined();
    expect(out.epochs_run).toBe(stop! + 1);
    expect(out.history.val_loss).toHaveLength(stop! + 1);
    expect(r.stderr).toContain('Callbacks: early stopping on val_loss (patience 1)');
    // Keras' wording: the validation split comes off the training samples.
    expect(r.stderr).toContain('Training on 150 samples, validating on 150 for 40 epochs');
    expect(r.stderr).toContain(`stopped after epoch ${stop! + 1} of 40`);
    const state = JSON.parse(fs.readFileSync(path.join(cwd, 'run', 'callbacks.json'), 'utf8'));
    expect(state).toMatchObject({ epochs: stop! + 1, earlyStopping: { wait: 1, stoppedEpoch: stop! } });
    expect(state.earlyStopping.best).toBeCloseTo(Math.min(...out.history.val_loss!), 6);

    // Resumed with more epochs: the wait of 1 carries over, so the first epoch that does not beat
    // the best stops the run again (a fresh count would need two more epochs).
    const resumed = lab(['train', '--resume', 'run', '--epochs', '60', '--override', '--json'], cwd);
    expect(resumed.code, resumed.stderr).toBe(0);
    const more = lastJson(resumed.stdout).history.val_loss!;
    const best = state.earlyStopping.best as number;
    const firstWorse = more.findIndex((v) => !(v < best));
    expect(firstWorse).toBeGreaterThanOrEqual(0);
    expect(more).toHaveLength(firstWorse + 1);
  });

  it('reduces the learning rate on a plateau by Keras rules', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-plateau-'));
    const r = lab(['train', ...small, '--epochs', '12', '--learning-rate', '0.01', '--reduce-lr-on-plateau', '0', '--plateau-factor', '0.5'], cwd);
    expect(r.code, r.stderr).toBe(0);
    const { val_loss: loss, learning_rate: rate } = lastJson(r.stdout).history as { val_loss: number[]; learning_rate: number[] };
    expect(loss).toHaveLength(12);
    let best = Infinity;
    let reductions = 0;
    for (let e = 0; e + 1 < loss.length; e++) {
      const better = loss[e]! < best - 1e-4;
      if (better) best = loss[e]!;
      expect(rate[e + 1], `epoch ${e + 1}: val_loss ${loss[e]} vs best ${best}`).toBeCloseTo(better ? rate[e]! : rate[e]! * 0.5, 9);
      if (!better) reductions += 1;
    }
    // With this seed the validation loss rises after epoch 2 and the rate halves five times.
    expect(reductions).toBeGreaterThan(0);
  });

  it('refuses bad values naming the flag', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-cbflags-'));
    for (const [args, message] of [
      [['--plateau-factor', '1', '--reduce-lr-on-plateau', '2'], /--plateau-factor must be a number in \(0, 1\), got '1'/],
      [['--early-stopping', '-1'], /--early-stopping must be a non-negative integer, got '-1'/],
    ] as [string[], RegExp][]) {
      const r = lab(['train', ...dataArgs, '--limit', '100', '--epochs', '1', ...args], cwd);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
