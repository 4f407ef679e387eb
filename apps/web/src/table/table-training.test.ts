import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { TABLE_DEFAULTS } from './table-config.js';
import { readTableText } from './table-file.js';
import { predictTable } from './table-predict.js';
import { splitTable } from './table-split.js';
import { trainTable } from './table-training.js';

const vega = path.join(path.dirname(createRequire(import.meta.url).resolve('vega-datasets')), '..', 'data');
const read = async (name: string, missing: string[] = []) => readTableText(name, await readFile(path.join(vega, name), 'utf8'), missing);

describe('trainTable (tfjs cpu, in Node)', () => {
  it('classifies the penguins at test accuracy >= 0.95 with the defaults, reports each epoch, and leaks nothing', async () => {
    const split = splitTable(await read('penguins.json', ['.']), { target: 'Species', seed: TABLE_DEFAULTS.seed });
    const seen: number[] = [];
    await expectNoLeak(async () => {
      const trained = await trainTable(split, [], TABLE_DEFAULTS, { onEpoch: (epoch) => seen.push(epoch) });
      try {
        expect(trained.scores.task).toBe('classification');
        if (trained.scores.task !== 'classification') return;
        expect(trained.scores.samples).toBe(104);
        expect(trained.scores.accuracy).toBeGreaterThanOrEqual(0.95);
        expect(trained.scores.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
        expect(trained.scores.matrix.flat().reduce((a, b) => a + b, 0)).toBe(104);
        const hits = trained.scores.matrix.reduce((n, row, t) => n + row[t]!, 0);
        expect(hits / 104).toBe(trained.scores.accuracy);
        expect(trained.scores.perClass.map((c) => c.support)).toEqual(trained.scores.matrix.map((row) => row.reduce((a, b) => a + b, 0)));
        expect(trained.epochs).toHaveLength(40);
        expect(trained.epochs[39]!.loss).toBeLessThan(trained.epochs[0]!.loss!);
        // Raw rows, missing values and an unseen island included: a class and three probabilities each.
        const rows = readTableText('new.csv', 'Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex\nBiscoe,46.5,14.4,217,4900,FEMALE\nTorgersen,,,,,MALE\nAtlantis,50,15,220,5000,MALE\n');
        const predictions = await predictTable(trained.model, trained.pre, rows);
        expect(predictions.map((p) => p.row)).toEqual([1, 2, 3]);
        expect(predictions[0]!.predicted).toBe('Gentoo');
        for (const p of predictions) expect(Object.values(p.probabilities!).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      } finally {
        trained.model.dispose();
      }
    });
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i));
  }, 60_000);

  it('regresses the cars’ miles per gallon, scored in the target’s units; stops when asked', async () => {
    const split = splitTable(await read('cars.json'), { target: 'Miles_per_Gallon', ignore: ['Name', 'Year'], seed: 1 });
    await expectNoLeak(async () => {
      const trained = await trainTable(split, ['Name', 'Year'], { ...TABLE_DEFAULTS, epochs: 30 });
      try {
        expect(trained.pre.toJSON().ignored).toEqual(['Name', 'Year']);
        const scores = trained.scores;
        if (scores.task !== 'regression') throw new Error('expected a regression');
        expect(scores.samples).toBe(120);
        expect(scores.rmse).toBeLessThan(6);
        expect(scores.r2).toBeGreaterThan(0.5);
        expect(scores.actual).toEqual(Array.from(split.test.target as Float64Array));
        const mae = scores.actual.reduce((s, a, i) => s + Math.abs(a - scores.predicted[i]!), 0) / 120;
        expect(scores.mae).toBeCloseTo(mae, 10);
        // A table holding the target and the ignored columns predicts too; the target is left out.
        const predictions = await predictTable(trained.model, trained.pre, await read('cars.json'));
        expect(predictions).toHaveLength(406);
        expect(typeof predictions[0]!.predicted).toBe('number');
      } finally {
        trained.model.dispose();
      }
      const stopped = await trainTable(split, ['Name', 'Year'], TABLE_DEFAULTS, { shouldStop: () => true });
      expect(stopped.epochs).toHaveLength(1);
      stopped.model.dispose();
    });
  }, 60_000);

  it('names the column a prediction table has that the model does not know, and one it lacks', async () => {
    const split = splitTable(await read('penguins.json', ['.']), { target: 'Species', seed: 1 });
    const trained = await trainTable(split, [], { ...TABLE_DEFAULTS, epochs: 1 });
    const before = tf.memory().numTensors;
    await expect(predictTable(trained.model, trained.pre, readTableText('x.csv', 'Island,Colour\nDream,red\n'))).rejects.toThrow(
      "the model does not know the column 'Colour'; it takes Island, Beak Length (mm), Beak Depth (mm), Flipper Length (mm), Body Mass (g), Sex",
    );
    await expect(predictTable(trained.model, trained.pre, readTableText('x.csv', 'Island,Sex\nDream,MALE\n'))).rejects.toThrow(
      "the table lacks the columns 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)' that the model needs",
    );
    expect(tf.memory().numTensors).toBe(before);
    trained.model.dispose();
  });
});
