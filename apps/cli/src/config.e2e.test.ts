import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `lab train --config`: options from JSON or YAML, flags override, and a run's config.json
// reproduces the run exactly (same seed, same backend).
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataArgs = fs.existsSync(shared) ? ['--data', shared] : [];
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-config-'));

function lab(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, LAB_DATA_DIR: undefined }, timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lab train --config', () => {
  it('takes options from YAML, lets flags win, and config.json reproduces the run', () => {
    const yaml = path.join(root, 'run.yaml');
    fs.writeFileSync(yaml, 'epochs: 3\nbatch-size: 32\nlimit: 800\nseed: 9\nhidden: 16\nbackend: wasm\n');
    const first = lab(['train', '--config', yaml, '--epochs', '1', ...dataArgs, '--out', path.join(root, 'a'), '--json']);
    expect(first.code, first.stderr).toBe(0);
    // The flag's spelling is still read, with a note naming the config key to write instead.
    expect(first.stderr).toContain(`lab: note: ${yaml}: kebab-case keys are deprecated in config files (a later release refuses them); write them camelCase as config.json does: 'batch-size' → 'batchSize'`);
    const summary = JSON.parse(first.stdout.trim().split('\n').pop()!);
    expect(summary).toMatchObject({ epochs: 1, batch_size: 32, train_samples: 800, seed: 9, hidden_units: 16, backend: 'wasm' });
    const again = lab(['train', '--config', path.join(root, 'a', 'config.json'), '--backend', 'wasm', ...dataArgs, '--out', path.join(root, 'b')]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr, 'config.json is camelCase: no note').not.toContain('deprecated');
    const a = fs.readFileSync(path.join(root, 'a', 'model', 'weights.bin'));
    const b = fs.readFileSync(path.join(root, 'b', 'model', 'weights.bin'));
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('names the file and key of a bad config', () => {
    const bad = path.join(root, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ epoch: 1 }));
    expect(lab(['train', '--config', bad]).stderr.trim()).toBe(`lab: error: ${bad}: unknown option 'epoch' (did you mean 'epochs'?); run 'lab train --help' for the options`);
    // Types are checked by one schema: no boolean for a number, no string for a boolean.
    fs.writeFileSync(bad, JSON.stringify({ limit: true }));
    expect(lab(['train', '--config', bad]).stderr.trim()).toBe(`lab: error: ${bad}: limit must be a number, got true`);
    fs.writeFileSync(bad, JSON.stringify({ staircase: 'false' }));
    expect(lab(['train', '--config', bad]).stderr.trim()).toBe(`lab: error: ${bad}: staircase must be true or false, got "false"`);
    fs.writeFileSync(bad, JSON.stringify({ optimizer: 'adamm' }));
    expect(lab(['train', '--config', bad]).stderr).toMatch(/optimizer must be one of sgd, .*adam.*, got "adamm"/);
    fs.writeFileSync(bad, JSON.stringify({ 'batch-size': 'x' }));
    expect(lab(['train', '--config', bad]).stderr).toContain("batch-size: --batch-size must be a positive integer, got 'x'");
    fs.writeFileSync(bad, JSON.stringify({ batchSize: 8, 'batch-size': 16 }));
    expect(lab(['train', '--config', bad]).stderr).toContain("'batchSize' and 'batch-size' set the same option");
    fs.writeFileSync(bad, JSON.stringify({ learningRate: -1 }));
    expect(lab(['train', '--config', bad]).stderr).toContain(`${bad}: learningRate: --learning-rate must be a positive number, got '-1'`);
    fs.writeFileSync(bad, '{ nope');
    const r = lab(['train', '--config', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}: not valid JSON`);
  });
});
