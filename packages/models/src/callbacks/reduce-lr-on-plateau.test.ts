import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sgd } from '@lab/optim';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../io/optimizer-state.js';
import { loadCheckpoint, saveCheckpoint } from '../node/checkpoint.js';
import { drive, scripted, series, tinyModel } from '../test/callbacks.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';

// Expected rates follow Keras 3's ReduceLROnPlateau (keras/src/callbacks/reduce_lr_on_plateau.py)
// and its documentation: "Models often benefit from reducing the learning rate by a factor of
// 2-10 once learning stagnates. This callback monitors a quantity and if no improvement is seen
// for a 'patience' number of epochs, the learning rate is reduced." new_lr = max(lr * factor, min_lr).
describe('ReduceLROnPlateau', () => {
  it('reduces after `patience` flat epochs, waits `cooldown`, and stops at minLearningRate', async () => {
    const t = await tinyModel({ optimizer: sgd({ learningRate: 0.1 }) });
    const cb = new ReduceLROnPlateau({ monitor: 'loss', factor: 0.5, patience: 2, cooldown: 1, minLearningRate: 0.02 });
    // e0 best; e1 wait 1; e2 wait 2 → 0.05, cooldown 1; e3 cooldown ends, wait 1; e4 → 0.025;
    // e5 wait 1; e6 → max(0.0125, 0.02) = 0.02; e7 wait 1; e8 no change: the rate is at the minimum.
    const run = await drive(cb, t.model, series('loss', [1, 1, 1, 1, 1, 1, 1, 1, 1]));
    expect(run.rates).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02, 0.02]);
    t.dispose();
  });

  it('an improvement of more than minDelta resets the wait; accuracies are maximised', async () => {
    const t = await tinyModel({ optimizer: sgd({ learningRate: 1 }) });
    const cb = new ReduceLROnPlateau({ monitor: 'val_accuracy', patience: 2, minDelta: 0.01 });
    expect(cb.direction).toBe('max');
    // 0.505 is within minDelta of 0.5: e1 and e2 wait, reduce at e2; e3 improves; e4, e5 → reduce.
    const run = await drive(cb, t.model, series('val_accuracy', [0.5, 0.505, 0.5, 0.7, 0.7, 0.7]));
    expect(run.rates.map((r) => Number(r!.toPrecision(12)))).toEqual([1, 1, 0.1, 0.1, 0.1, 0.01]);
    t.dispose();
  });

  it("shows the new rate in fit's history.learning_rate from the next epoch on", async () => {
    const t = await tinyModel({ optimizer: sgd({ learningRate: 0.1 }) });
    const cb = new ReduceLROnPlateau({ monitor: 'flat', factor: 0.5, patience: 1 });
    const history = await t.model.fit(t.x, t.y, { epochs: 4, batchSize: 8, callbacks: [scripted('flat', [1, 1, 1, 1]), cb] });
    expect(history.history.learning_rate).toEqual([0.1, 0.1, 0.05, 0.025]);
    t.dispose();
  });

  it('the rate survives an optimizer-state round trip and a checkpoint on disk', async () => {
    const t = await tinyModel({ optimizer: 'adam' });
    t.model.setLearningRate(0.000123);
    const encoded = await encodeState(t.model.optimizerState!);
    const restored = decodeState(encoded);
    const other = await tinyModel({ optimizer: 'adam' });
    tf.dispose(other.model.optimizerState);
    other.model.optimizerState = restored;
    expect(other.model.getLearningRate()).toBe(0.000123);
    // It is the rate of the updates: a fit on the restored state logs it.
    const history = await other.model.fit(other.x, other.y, { epochs: 1 });
    expect(history.history.learning_rate).toEqual([0.000123]);
    const dir = await mkdtemp(path.join(tmpdir(), 'lab-rate-'));
    try {
      await saveCheckpoint(t.model, dir, { epoch: 1, step: 0 });
      const loaded = await loadCheckpoint(dir);
      loaded.model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
      loaded.model.optimizerState = loaded.optimizerState;
      expect(loaded.model.getLearningRate()).toBe(0.000123);
      loaded.model.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    t.dispose();
    other.dispose();
  });

  it('checks its options: factor in (0, 1), unknown options with a hint', () => {
    // Keras: "ReduceLROnPlateau does not support a factor >= 1.0".
    expect(() => new ReduceLROnPlateau({ factor: 1 })).toThrow('ReduceLROnPlateau: factor');
    expect(() => new ReduceLROnPlateau({ minLr: 0.1 } as never)).toThrow("ReduceLROnPlateau: unknown option 'minLr'");
    expect(() => new ReduceLROnPlateau({ cooldown: 0.5 })).toThrow('ReduceLROnPlateau: cooldown');
    const defaults = new ReduceLROnPlateau();
    expect([defaults.monitor, defaults.factor, defaults.patience, defaults.minDelta, defaults.cooldown, defaults.minLearningRate]).toEqual(['val_loss', 0.1, 10, 1e-4, 0, 0]);
  });
});
