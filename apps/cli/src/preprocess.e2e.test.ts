import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIdxImages } from '@lab/data';
import { Pipeline } from '@lab/preprocess';
import { describe, expect, it } from 'vitest';

// `lab preprocess` on files a user would have. Expected numbers: scikit-learn's KNNImputer doc
// example (n_neighbors=2) and hand-computed min-max scaling.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-preprocess-'));
const shared = process.env.LAB_SHARED_DIR ?? path.resolve(here, '../../../../shared/data/mnist');

function lab(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lab preprocess', () => {
  it('impute --strategy knn reproduces scikit-learn, saves a pipeline, and convert/scale write other formats', () => {
    const input = path.join(root, 'in.csv');
    fs.writeFileSync(input, 'a,b,c\n1,2,\n3,4,3\n,6,5\n8,8,7\n');
    const out = path.join(root, 'out.csv');
    const pipeline = path.join(root, 'pipeline.json');
    const r = lab(['preprocess', 'impute', '--strategy', 'knn', '--neighbors', '2', input, '-o', out, '--save-pipeline', pipeline]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe('a,b,c\n1,2,4\n3,4,3\n5.5,6,5\n8,8,7\n');
    const restored = Pipeline.fromJSON(JSON.parse(fs.readFileSync(pipeline, 'utf8')));
    // New row [NaN, 2, 4]: donors with column a are rows 0, 1, 3 at nan-euclidean distances 0,
    // sqrt(3/2 · 5) and sqrt(3/2 · 45); the two nearest have a = 1 and 3, so a = 2.
    expect(restored.transform([[Number.NaN, 2, 4]])).toEqual([[2, 2, 4]]);
    const txt = path.join(root, 'out.txt');
    expect(lab(['preprocess', 'convert', out, '-o', txt]).code).toBe(0);
    expect(fs.readFileSync(txt, 'utf8')).toContain('5.5 6 5');
    const scaled = path.join(root, 'scaled.csv');
    expect(lab(['preprocess', 'scale', '--method', 'minmax', out, '-o', scaled]).code).toBe(0);
    // a: (x - 1) / 7 → 0, 2/7, 4.5/7, 1 (scikit-learn computes x * (1/7) - 1/7, so compare to 1e-15)
    expect(Number(fs.readFileSync(scaled, 'utf8').split('\n')[3]!.split(',')[0])).toBeCloseTo(4.5 / 7, 15);
  });

  it('names the file, line and column of bad input and writes nothing', () => {
    const bad = path.join(root, 'bad.csv');
    fs.writeFileSync(bad, 'a,b\n1,2\n3,x\n');
    const out = path.join(root, 'never.csv');
    const r = lab(['preprocess', 'impute', bad, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv.*line 3.*column 2|bad\.csv:3:2/);
    expect(r.stderr).toContain('lab train --data');
    expect(r.stderr).not.toContain('stringColumns');
    expect(fs.existsSync(out)).toBe(false);
  });

  it.skipIf(!fs.existsSync(shared))('denoise filters an MNIST IDX file into a readable IDX file', () => {
    const out = path.join(root, 'denoised-idx3-ubyte.gz');
    const r = lab(['preprocess', 'denoise', '--filter', 'median', '--size', '3', path.join(shared, 't10k-images-idx3-ubyte.gz'), '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const images = readIdxImages(new Uint8Array(fs.readFileSync(out)));
    expect([images.count, images.rows, images.cols]).toEqual([10000, 28, 28]);
  });
});
