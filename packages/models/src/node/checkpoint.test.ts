import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adam } from '@lab/optim';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import { Sequential } from '../sequential.js';
import { blobs } from '../test/data.js';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';

function model(): Sequential {
  const m = new Sequential(
    [new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 8, activation: 'relu' }), new Dense({ units: 3, activation: 'softmax' })],
    { seed: 11 },
  );
  m.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return m;
}

describe('checkpoints', () => {
  it('interrupt (mid-epoch), checkpoint, load, resume = the uninterrupted run, exactly (cpu)', async () => {
    const { x, y } = blobs(90, 3, 12);
    const options = { epochs: 3, batchSize: 16, seed: 5 };
    const straight = model();
    await straight.fit(x, y, options);
    const expected = await Promise.all(straight.trainableWeights.map((w) => w.data()));
    straight.dispose();

    const first = model();
    await first.fit(x, y, {
      ...options,
      callbacks: [
        {
          onBatchEnd: (batch) => {
            if (batch === 2 && first.position.epoch === 1) first.stopTraining = true;
          },
        },
      ],
    });
    expect(first.position).toEqual({ epoch: 1, step: 3 });
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lab-ckpt-')), 'checkpoint');
    await saveCheckpoint(first, dir, { ...first.position, seed: 5 });
    first.dispose();

    const before = tf.memory().numTensors;
    const { model: resumed, optimizerState, info } = await loadCheckpoint(dir);
    expect(info).toEqual({ epoch: 1, step: 3, seed: 5 });
    resumed.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    resumed.optimizerState = optimizerState;
    const history = await resumed.fit(x, y, { ...options, initialEpoch: info.epoch, initialStep: info.step });
    expect(history.epoch).toEqual([1, 2]);
    const got = await Promise.all(resumed.trainableWeights.map((w) => w.data()));
    for (const [i, g] of got.entries()) expect(Array.from(g)).toEqual(Array.from(expected[i]!));
    resumed.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });

  it('says what is missing', async () => {
    await expect(loadCheckpoint(path.join(os.tmpdir(), 'no-such-checkpoint'))).rejects.toThrow(/checkpoint.json: not found/);
  });

  it('names the damaged file of a corrupt checkpoint, and leaks nothing', async () => {
    const { x, y } = blobs(32, 3, 2);
    const m = model();
    await m.fit(x, y, { epochs: 1, batchSize: 16, seed: 1 });
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lab-ckpt-')), 'checkpoint');
    await saveCheckpoint(m, dir, { epoch: 1, step: 0 });
    m.dispose();
    tf.dispose([x, y]);
    const before = tf.memory().numTensors;
    fs.writeFileSync(path.join(dir, 'optimizer.json'), '{"structure": [');
    await expect(loadCheckpoint(dir)).rejects.toThrow(/optimizer.json: not valid JSON .*the checkpoint is damaged/);
    fs.writeFileSync(path.join(dir, 'checkpoint.json'), '{"epoch": true}');
    await expect(loadCheckpoint(dir)).rejects.toThrow(/checkpoint.json: not a lab checkpoint \(needs integer "epoch" and "step"\)/);
    fs.writeFileSync(path.join(dir, 'checkpoint.json'), 'garbage');
    await expect(loadCheckpoint(dir)).rejects.toThrow(/checkpoint.json: not valid JSON/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
