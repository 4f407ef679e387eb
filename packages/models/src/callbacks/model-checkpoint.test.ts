import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memory } from '../io/handler.js';
import { loadModel } from '../io/load.js';
import { fileSystem } from '../node/file-system.js';
import { scripted, tinyModel } from '../test/callbacks.js';
import { ModelCheckpoint } from './model-checkpoint.js';

// Keras: "Callback to save the Keras model or model weights at some frequency"; with
// save_best_only "it only saves when the model is considered the best", and the filepath "can
// contain named formatting options, which will be filled the value of epoch and keys in logs".
describe('ModelCheckpoint', () => {
  afterEach(() => vi.restoreAllMocks());

  it('saves every epoch to the filled template, epochs counted from 1 as Keras', async () => {
    const t = await tinyModel();
    const paths: string[] = [];
    const handler = (p: string) => {
      paths.push(p);
      return memory();
    };
    const cb = new ModelCheckpoint({ filepath: 'ckpt/{epoch:02d}-{score:.3f}', handler });
    await t.model.fit(t.x, t.y, { epochs: 3, callbacks: [scripted('score', [0.5, 0.25, 0.125]), cb] });
    expect(paths).toEqual(['ckpt/01-0.500', 'ckpt/02-0.250', 'ckpt/03-0.125']);
    expect(cb.lastSaved?.epoch).toBe(2);
    t.dispose();
  });

  it('with saveBestOnly saves only the epochs that improve on the best so far', async () => {
    const t = await tinyModel();
    const saved: number[] = [];
    const saveTo = (into: number[]) => (epoch: number) => {
      into.push(epoch);
      return memory();
    };
    const cb = new ModelCheckpoint({ filepath: saveTo(saved), monitor: 'score', mode: 'max', saveBestOnly: true });
    await t.model.fit(t.x, t.y, { epochs: 5, callbacks: [scripted('score', [0.5, 0.4, 0.7, 0.7, 0.8]), cb] });
    expect(saved).toEqual([0, 2, 4]);
    expect(cb.best).toBe(0.8);
    // initialValueThreshold: the first save must beat it.
    const saved2: number[] = [];
    const cb2 = new ModelCheckpoint({ filepath: saveTo(saved2), monitor: 'score', saveBestOnly: true, initialValueThreshold: 0.3 });
    await t.model.fit(t.x, t.y, { epochs: 3, callbacks: [scripted('score', [0.5, 0.2, 0.1]), cb2] });
    expect(saved2).toEqual([1, 2]);
    t.dispose();
  });

  it('writes a loadable model with fileSystem on Node; the best one predicts as the model did then', async () => {
    const t = await tinyModel();
    const dir = await mkdtemp(path.join(tmpdir(), 'lab-ckpt-'));
    try {
      let atBest: Float32Array | undefined;
      const record = {
        onEpochEnd: (epoch: number) => {
          if (epoch !== 1) return;
          const p = t.model.predict(t.x);
          atBest = p.dataSync() as Float32Array;
          p.dispose();
        },
      };
      const cb = new ModelCheckpoint({ filepath: path.join(dir, 'best'), handler: fileSystem, monitor: 'score', saveBestOnly: true });
      await t.model.fit(t.x, t.y, { epochs: 3, callbacks: [scripted('score', [2, 1, 3]), record, cb] });
      expect(await readdir(dir)).toEqual(['best']);
      const loaded = await loadModel(fileSystem(path.join(dir, 'best')));
      const p = loaded.predict(t.x);
      expect(p.dataSync()).toEqual(atBest);
      p.dispose();
      loaded.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    t.dispose();
  });

  it('warns once and saves when the monitor is missing; leaks nothing', async () => {
    const t = await tinyModel();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = memory();
    const cb = new ModelCheckpoint({ filepath: store, saveBestOnly: true });
    const before = tf.memory().numTensors;
    await t.model.fit(t.x, t.y, { epochs: 2, callbacks: [cb] });
    expect(tf.memory().numTensors).toBe(before);
    expect(store.artifacts).toBeDefined();
    expect(cb.lastSaved?.epoch).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    t.dispose();
  });

  it('checks its options', () => {
    expect(() => new ModelCheckpoint({ filepath: 'x', saveBestonly: true } as never)).toThrow("ModelCheckpoint: unknown option 'saveBestonly' (did you mean 'saveBestOnly'?)");
    expect(() => new ModelCheckpoint({} as never)).toThrow('ModelCheckpoint: filepath must be');
    expect(() => new ModelCheckpoint({ filepath: 'x', mode: 'up' as never })).toThrow('ModelCheckpoint: mode');
  });
});
