import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIdxUint8 } from '@lab/data';
import { loadIdxDataset } from '@lab/data/node';
import { describe, expect, it } from 'vitest';

// Any IDX image set trains, not only the original MNIST: a 14×14, five-class set made here from
// MNIST's digits 0–4 (2×2 means, class names in labels.txt), end to end with the built executable
// on the default backend. The model's input shape and class count follow the data.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');

function lab(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LAB_DATA_DIR: undefined }, cwd, timeout: 280_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const last = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;

/** Digits 0–4 of one MNIST split, 2×2-averaged to 14×14, the first `limit` of them. */
function shrink(split: { images: Uint8Array; labels: Uint8Array; count: number }, limit: number) {
  const keep: number[] = [];
  for (let i = 0; i < split.count && keep.length < limit; i++) if (split.labels[i]! < 5) keep.push(i);
  const images = new Uint8Array(keep.length * 196);
  keep.forEach((src, k) => {
    for (let r = 0; r < 14; r++)
      for (let c = 0; c < 14; c++) {
        const at = (rr: number, cc: number) => split.images[src * 784 + rr * 28 + cc]!;
        images[k * 196 + r * 14 + c] = Math.round((at(2 * r, 2 * c) + at(2 * r, 2 * c + 1) + at(2 * r + 1, 2 * c) + at(2 * r + 1, 2 * c + 1)) / 4);
      }
  });
  return { images, labels: Uint8Array.from(keep, (i) => split.labels[i]!), count: keep.length };
}

describe('lab train --data DIR with any IDX image set', () => {
  it.skipIf(!fs.existsSync(shared))('trains, reports and evaluates a 14×14 five-class set with named classes', async () => {
    const mnist = await loadIdxDataset(shared);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-idx-set-'));
    const write = (name: string, split: ReturnType<typeof shrink>) => {
      fs.writeFileSync(path.join(dir, `${name}-images-idx3-ubyte.gz`), encodeIdxUint8(split.images, [split.count, 14, 14], { gzip: true }));
      fs.writeFileSync(path.join(dir, `${name}-labels-idx1-ubyte.gz`), encodeIdxUint8(split.labels, [split.count], { gzip: true }));
    };
    write('train', shrink(mnist.train, 3000));
    write('t10k', shrink(mnist.test, 500));
    fs.writeFileSync(path.join(dir, 'labels.txt'), 'zero\none\ntwo\nthree\nfour\n');
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-idx-run-'));

    const r = lab(['train', '--data', dir, '--epochs', '2', '--seed', '1', '--out', 'run', '--json'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Data: IDX data set: 14×14 images, 5 classes from dir (${dir})`);
    expect(r.stderr).toMatch(/flatten.*\(None, 196\)/i);
    const out = last(r.stdout);
    expect(out.test_accuracy).toBeGreaterThan(0.9);
    expect(out.test_samples).toBe(500);
    expect(r.stderr).toMatch(/^\s+zero\s+\d/m);
    const model = JSON.parse(fs.readFileSync(path.join(cwd, 'run', 'model', 'model.json'), 'utf8'));
    expect(JSON.stringify(model)).toContain('"labels":["zero","one","two","three","four"]');

    const evaluated = lab(['evaluate', '--model', 'run/model', '--data', dir, '--json'], cwd);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(last(evaluated.stdout).test_accuracy).toBe(out.test_accuracy);
    const wrong = lab(['evaluate', '--model', 'run/model', '--data', shared], cwd);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('takes images of shape 14×14×1, but the test images of MNIST are 28×28×1');

    const cnn = lab(['train', '--data', dir, '--model', 'cnn', '--epochs', '1', '--seed', '1', '--json'], cwd);
    expect(cnn.code, cnn.stderr).toBe(0);
    expect(cnn.stderr).toMatch(/\(Conv2D\)\s+\(None, 12, 12, 32\)\s+320/);
    expect(last(cnn.stdout).test_accuracy).toBeGreaterThan(0.8);
  });
});
