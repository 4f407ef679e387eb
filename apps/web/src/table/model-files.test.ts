import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileSystem } from '@lab/models/node';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTableModelFiles, tableModelFiles } from './model-files.js';
import { TABLE_DEFAULTS } from './table-config.js';
import { readTableText } from './table-file.js';
import { splitTable } from './table-split.js';
import { type TrainedTable, trainTable } from './table-training.js';

const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');

describe('a table model as files', () => {
  let trained: TrainedTable;
  let files: File[];
  beforeAll(async () => {
    const table = readTableText('penguins.json', await readFile(path.join(vega, 'penguins.json'), 'utf8'), ['.']);
    trained = await trainTable(splitTable(table, { target: 'Species', seed: 1 }), [], { ...TABLE_DEFAULTS, epochs: 2 });
    files = (await tableModelFiles(trained.model, trained.pre)).map(({ name, blob }) => new File([blob], name));
  });
  afterAll(() => trained.model.dispose());

  it('are the files the CLI writes: model.json and weights.bin as fileSystem saves them, preprocessing.json beside', async () => {
    expect(files.map((f) => f.name)).toEqual(['model.json', 'weights.bin', 'preprocessing.json']);
    const dir = await mkdtemp(path.join(tmpdir(), 'lab-web-table-'));
    try {
      // What the CLI's saveTableModel passes: the labels and the preprocessing file's name.
      await trained.model.save(fileSystem(dir), { labels: ['Adelie', 'Chinstrap', 'Gentoo'], preprocessing: { table: 'preprocessing.json' } });
      expect(await files[0]!.text()).toBe(await readFile(path.join(dir, 'model.json'), 'utf8'));
      expect(Buffer.from(await files[1]!.arrayBuffer()).equals(await readFile(path.join(dir, 'weights.bin')))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(await files[2]!.text()).toBe(`${JSON.stringify(trained.pre.toJSON(), null, 2)}\n`);
  });

  it('load back, in any order and renamed, and predict as the original', async () => {
    const renamed = [files[2]!, new File([files[0]!], 'penguins-model.json'), files[1]!];
    const { model, pre } = await loadTableModelFiles(renamed);
    try {
      expect(pre.toJSON()).toEqual(trained.pre.toJSON());
      const x = trained.pre.transform(splitTable(readTableText('p.json', await readFile(path.join(vega, 'penguins.json'), 'utf8'), ['.']), { target: 'Species', seed: 1 }).test.features);
      const [a, b] = [trained.model.predict(x), model.predict(x)];
      expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
      tf.dispose([x, a, b]);
    } finally {
      model.dispose();
    }
  });

  it('names what is missing or wrong, and allocates nothing when it fails', async () => {
    const before = tf.memory().numTensors;
    await expect(loadTableModelFiles([files[0]!, files[2]!])).rejects.toThrow("model.json names the weights file 'weights.bin'; pick it too (picked: no weights file)");
    await expect(loadTableModelFiles([files[0]!, files[1]!])).rejects.toThrow("pick the model's preprocessing.json too: a table model needs its preprocessing");
    await expect(loadTableModelFiles([files[1]!, files[2]!])).rejects.toThrow("pick the model's model.json (with weights.bin and preprocessing.json)");
    await expect(loadTableModelFiles([new File(['{"a": 1}'], 'other.json')])).rejects.toThrow("other.json: neither a model.json (no modelTopology) nor a table model's preprocessing.json");
    await expect(loadTableModelFiles([new File(['{'], 'broken.json')])).rejects.toThrow(/^broken\.json: not valid JSON/);
    await expect(loadTableModelFiles([files[0]!, new File([new Uint8Array(8)], 'weights.bin'), files[2]!])).rejects.toThrow(/model\.json: the weight data holds 8 bytes, but the manifest needs \d+/);
    // A preprocessing.json of another table (two classes): the output counts do not match.
    const json = JSON.parse(await files[2]!.text());
    json.target.labels = ['a', 'b'];
    await expect(loadTableModelFiles([files[0]!, files[1]!, new File([JSON.stringify(json)], 'preprocessing.json')])).rejects.toThrow(
      'model.json takes 9 features and gives 3 outputs, but preprocessing.json makes 9 features for 2 outputs: they are not from the same model',
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
