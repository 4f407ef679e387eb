import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadMnist } from '@lab/data/node';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';

// `lab predict` on digits drawn the way a user would have them: MNIST test digits rendered as
// large black-on-white PNGs, off-centre; and the same digits as CSV rows and an IDX file.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');
const dataDir = fs.existsSync(shared) ? shared : undefined;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-predict-'));
const modelDir = path.join(root, 'run', 'model');

function lab(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, LAB_DATA_DIR: undefined }, timeout: 280_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** MNIST digit i as a 3× upscaled, inverted (black ink on white) PNG with a margin, off-centre. */
function renderPng(pixels: Uint8Array, file: string): void {
  const png = new PNG({ width: 120, height: 100 });
  png.data.fill(255);
  for (let y = 0; y < 84; y++) {
    for (let x = 0; x < 84; x++) {
      const v = 255 - pixels[Math.floor(y / 3) * 28 + Math.floor(x / 3)]!;
      const o = ((y + 10) * 120 + x + 25) * 4;
      png.data[o] = png.data[o + 1] = png.data[o + 2] = v;
    }
  }
  fs.writeFileSync(file, PNG.sync.write(png));
}

describe('lab predict (end to end)', () => {
  let digits: { pixels: Uint8Array; label: number }[] = [];
  beforeAll(async () => {
    const trained = lab(['train', ...(dataDir ? ['--data', dataDir] : []), '--limit', '10000', '--epochs', '2', '--seed', '3', '--backend', 'wasm', '--out', path.join(root, 'run')]);
    expect(trained.code, trained.stderr).toBe(0);
    const mnist = await loadMnist({ dataDir });
    digits = Array.from({ length: 8 }, (_, i) => ({ pixels: mnist.test.images.slice(i * 784, (i + 1) * 784), label: mnist.test.labels[i]! }));
  });

  it('reads PNG digits of any size and colour scheme and gives their labels', () => {
    const files = digits.map((d, i) => {
      const file = path.join(root, `digit-${i}.png`);
      renderPng(d.pixels, file);
      return file;
    });
    const r = lab(['predict', '--model', modelDir, '--backend', 'wasm', '--json', ...files]);
    expect(r.code, r.stderr).toBe(0);
    const { predictions } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { predictions: { input: string; top: { label: string; probability: number }[] }[] };
    expect(predictions).toHaveLength(8);
    const correct = predictions.filter((p, i) => p.top[0]!.label === String(digits[i]!.label)).length;
    expect(correct).toBe(8);
    for (const p of predictions) expect(p.top).toHaveLength(3);
  });

  it('reads CSV rows and IDX files, and names the file and line of bad input', () => {
    const csv = path.join(root, 'digits.csv');
    fs.writeFileSync(csv, digits.map((d) => `${d.label},${Array.from(d.pixels).join(',')}`).join('\n'));
    const r = lab(['predict', '--model', modelDir, '--backend', 'wasm', '--top-k', '1', csv]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').filter((l) => l.startsWith(csv));
    expect(lines.map((l) => l.split(': ')[1]!.split(' ')[0])).toEqual(digits.map((d) => String(d.label)));
    const idx = path.join(root, 'digits-idx3-ubyte');
    const header = Buffer.from([0, 0, 8, 3, 0, 0, 0, digits.length, 0, 0, 0, 28, 0, 0, 0, 28]);
    fs.writeFileSync(idx, Buffer.concat([header, ...digits.map((d) => Buffer.from(d.pixels))]));
    const fromIdx = lab(['predict', '--model', modelDir, '--backend', 'wasm', '--json', idx]);
    expect(fromIdx.code, fromIdx.stderr).toBe(0);
    const idxPredictions = (JSON.parse(fromIdx.stdout.trim().split('\n').pop()!) as { predictions: { input: string; top: { label: string }[] }[] }).predictions;
    expect(idxPredictions.map((p) => p.input)).toEqual(digits.map((_, i) => `${idx}[${i}]`));
    expect(idxPredictions.map((p) => p.top[0]!.label)).toEqual(digits.map((d) => String(d.label)));
    const bad = path.join(root, 'bad.csv');
    fs.writeFileSync(bad, '1,2,3\n');
    const err = lab(['predict', '--model', modelDir, '--backend', 'wasm', bad]);
    expect(err.code).toBe(1);
    expect(err.stderr.trim()).toBe(`lab: error: ${bad}:1: expected 784 pixel values (or a label and 784), got 3`);
    const notImage = path.join(root, 'x.png');
    fs.writeFileSync(notImage, 'hello');
    const err2 = lab(['predict', '--model', modelDir, '--backend', 'wasm', notImage]);
    expect(err2.code).toBe(1);
    expect(err2.stderr).toContain(`${notImage}: not a valid PNG image`);
  });
});
