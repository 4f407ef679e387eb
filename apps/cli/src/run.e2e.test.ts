import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Run folders, Ctrl-C and resume, and `lab evaluate`, with the built executable on real MNIST.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataArgs = fs.existsSync(shared) ? ['--data', shared] : [];
const common = [...dataArgs, '--limit', '1200', '--epochs', '2', '--seed', '7', '--backend', 'cpu'];

function lab(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LAB_DATA_DIR: undefined }, timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('run folders, interruption and resume', () => {
  it('Ctrl-C writes a checkpoint; --resume finishes with the same weights as an uninterrupted run', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-runs-'));
    const straight = lab(['train', ...common, '--out', path.join(root, 'straight')]);
    expect(straight.code, straight.stderr).toBe(0);
    for (const f of ['config.json', 'metrics.jsonl', 'checkpoint', 'model', 'test-report.json']) {
      expect(fs.existsSync(path.join(root, 'straight', f)), f).toBe(true);
    }
    const lines = fs.readFileSync(path.join(root, 'straight', 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.epoch)).toEqual([1, 2]);
    expect(lines[0]).toHaveProperty('learning_rate', 0.001);

    const cut = path.join(root, 'cut');
    const child = spawn(process.execPath, [bin, 'train', ...common, '--out', cut], { env: { ...process.env, LAB_DATA_DIR: undefined } });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('Epoch 1/2')) resolve();
      });
    });
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code, err).toBe(130);
    expect(err).toContain(`Resume with: lab train --resume ${cut}`);
    // Reported as what it is, not as an error; an epoch cut short is marked as partial.
    expect(err).toMatch(/^lab: interrupted at epoch \d+, step \d+; checkpoint saved\. Resume with:/m);
    expect(err).not.toContain('error');
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (out.includes('Epoch 2/2')) expect(out).toMatch(/Epoch 2\/2 - interrupted after \d+ of \d+ samples - /);
    expect(fs.existsSync(path.join(cut, 'model'))).toBe(false);

    const resumed = lab(['train', '--resume', cut, ...dataArgs, '--backend', 'cpu']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/Resuming .* at epoch 2/);
    const a = fs.readFileSync(path.join(root, 'straight', 'model', 'weights.bin'));
    const b = fs.readFileSync(path.join(cut, 'model', 'weights.bin'));
    expect(Buffer.compare(a, b)).toBe(0);

    const evaluated = lab(['evaluate', '--model', path.join(cut, 'model'), ...dataArgs, '--backend', 'cpu', '--json']);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(cut, 'test-report.json'), 'utf8'));
    const json = JSON.parse(evaluated.stdout.trim().split('\n').pop()!);
    expect(json.test_accuracy).toBeCloseTo(report.accuracy, 6);
    expect(json.test_samples).toBe(10000);
  });

  it('--resume refuses flags that conflict with the saved run (unless --override) and a checkpoint of another network', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lab-resume-')), 'run');
    const first = lab(['train', ...dataArgs, '--limit', '300', '--epochs', '1', '--seed', '3', '--backend', 'wasm', '--out', dir]);
    expect(first.code, first.stderr).toBe(0);
    const conflict = lab(['train', '--resume', dir, ...dataArgs, '--learning-rate', '0.5', '--denoise', 'median:3']);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr.trim()).toBe(
      `lab: error: --resume ${dir}: --learning-rate 0.5 differs from the saved null; --denoise "median:3" differs from the saved null; drop the flag to continue the run as it was, or add --override to continue with it`,
    );
    const moved = lab(['train', '--resume', dir, ...dataArgs, '--out', `${dir}-elsewhere`]);
    expect(moved.stderr.trim()).toBe(`lab: error: --resume ${dir}: --out ${dir}-elsewhere cannot move a run; its folder is ${dir}`);
    const same = lab(['train', '--resume', dir, ...dataArgs, '--seed', '3', '--backend', 'wasm']);
    expect(same.code, same.stderr).toBe(0);
    const overridden = lab(['train', '--resume', dir, ...dataArgs, '--epochs', '2', '--override']);
    expect(overridden.code, overridden.stderr).toBe(0);
    expect(overridden.stdout).toMatch(/Resuming .* at epoch 2/);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...config, hidden: 64 }));
    const other = lab(['train', '--resume', dir, ...dataArgs]);
    expect(other.code).toBe(1);
    expect(other.stderr.trim()).toMatch(/cannot resume: the checkpoint in .* is a network of input 28×28×1 → Flatten → Dense → Dense \(101,770 parameters\), but the run's config \(--model mlp, --hidden 64\) builds 28×28×1 → Flatten → Dense → Dense \(50,890 parameters\)/);
  });

  it('a diverging run stops with a message naming the epoch and step, keeping the last good checkpoint', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lab-nan-')), 'run');
    const r = lab(['train', ...dataArgs, '--limit', '1000', '--epochs', '1', '--learning-rate', '1e30', '--checkpoint-every', '4', '--backend', 'wasm', '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^lab: error: the training loss became NaN by epoch 1, step \d+; training stopped and the last good checkpoint is in /);
    expect(fs.existsSync(path.join(dir, 'model'))).toBe(false);
  });

  it('--resume of a folder that is not a run, and evaluate of a missing model, are one-line errors', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-empty-'));
    const resume = lab(['train', '--resume', empty, '--backend', 'cpu']);
    expect(resume.code).toBe(1);
    expect(resume.stderr.trim()).toBe(`lab: error: ${path.join(empty, 'config.json')}: not found; '${empty}' is not a lab run folder`);
    const evaluate = lab(['evaluate', '--model', empty, '--backend', 'cpu']);
    expect(evaluate.code).toBe(2);
    expect(evaluate.stderr).toContain('model.json: not found');
    expect(evaluate.stderr).toContain('--model takes a model folder (runs/NAME/model), a run folder (runs/NAME) or a model.json');
  });
});
