import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dense } from '../layers/dense.js';
import { Sequential } from '../sequential.js';
import { drive, scripted, series, tinyModel } from '../test/callbacks.js';
import { EarlyStopping } from './early-stopping.js';

// Expected epochs follow Keras 3's EarlyStopping (keras/src/callbacks/early_stopping.py) and its
// documentation: "Stop training when a monitored metric has stopped improving."
describe('EarlyStopping', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stops after `patience` epochs without improvement, recording stoppedEpoch', async () => {
    const t = await tinyModel();
    // Best 0.9 at epoch 1; epochs 2, 3, 4 do not improve: wait reaches 3 at epoch 4.
    const es = new EarlyStopping({ monitor: 'loss', patience: 3 });
    const run = await drive(es, t.model, series('loss', [1, 0.9, 0.95, 0.93, 0.91, 0.5, 0.4]));
    expect(run.epochs).toBe(5);
    expect(es.stoppedEpoch).toBe(4);
    expect([es.best, es.bestEpoch]).toEqual([0.9, 1]);
    // patience 0 (the default): the first epoch without improvement stops.
    const eager = new EarlyStopping({ monitor: 'loss' });
    expect((await drive(eager, t.model, series('loss', [1, 0.9, 0.9, 0.8]))).epochs).toBe(3);
    t.dispose();
  });

  it('counts only improvements larger than minDelta (its sign ignored, as Keras takes abs)', async () => {
    const t = await tinyModel();
    // 0.995 and 0.99 are within 0.01 of 1: two epochs without improvement.
    const es = new EarlyStopping({ monitor: 'loss', minDelta: -0.01, patience: 2 });
    expect((await drive(es, t.model, series('loss', [1, 0.995, 0.99, 0.5]))).epochs).toBe(3);
    expect(es.stoppedEpoch).toBe(2);
    t.dispose();
  });

  it("mode 'auto' maximises accuracies; 'max' and 'min' are as given", async () => {
    const t = await tinyModel();
    const auto = new EarlyStopping({ monitor: 'val_accuracy', patience: 2 });
    expect(auto.direction).toBe('max');
    expect((await drive(auto, t.model, series('val_accuracy', [0.5, 0.6, 0.6, 0.6, 0.9]))).epochs).toBe(4);
    expect(new EarlyStopping().direction).toBe('min');
    expect(new EarlyStopping({ monitor: 'val_loss', mode: 'max' }).direction).toBe('max');
    // Keras raises too when it cannot tell a metric's direction.
    expect(() => new EarlyStopping({ monitor: 'custom' })).toThrow("EarlyStopping: cannot tell whether 'custom' should be minimized or maximized; pass mode: 'min' or 'max'");
    t.dispose();
  });

  it('with a baseline, improvements that do not beat it do not reset the patience', async () => {
    const t = await tinyModel();
    // Keras: "training will stop if the model doesn't show improvement over the baseline".
    const es = new EarlyStopping({ monitor: 'loss', patience: 2, baseline: 0.5 });
    expect((await drive(es, t.model, series('loss', [0.9, 0.8, 0.8, 0.7]))).epochs).toBe(3);
    const plain = new EarlyStopping({ monitor: 'loss', patience: 2 });
    expect((await drive(plain, t.model, series('loss', [0.9, 0.8, 0.8, 0.7]))).epochs).toBe(4);
    t.dispose();
  });

  it('ignores the epochs before startFromEpoch (a warm-up)', async () => {
    const t = await tinyModel();
    const es = new EarlyStopping({ monitor: 'loss', patience: 1, startFromEpoch: 2 });
    expect((await drive(es, t.model, series('loss', [1, 2, 3, 3, 3]))).epochs).toBe(4);
    expect(es.stoppedEpoch).toBe(3);
    t.dispose();
  });

  it("Keras's documented example: patience 3 on a diverging loss runs 4 epochs", async () => {
    // model = Sequential([Dense(10)]); compile(SGD(), loss='mse');
    // fit(np.arange(100).reshape(5, 20), np.zeros(5), epochs=10, batch_size=1, callbacks=[EarlyStopping(monitor='loss', patience=3)])
    // len(history.history['loss']) → 4
    const model = new Sequential([new Dense({ units: 10, inputShape: [20] })], { seed: 1 });
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    const x = tf.tensor2d(Array.from({ length: 100 }, (_, i) => i), [5, 20]);
    const y = tf.zeros([5, 10]);
    const history = await model.fit(x, y, { epochs: 10, batchSize: 1, callbacks: [new EarlyStopping({ monitor: 'loss', patience: 3 })] });
    expect(history.history.loss).toHaveLength(4);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('restoreBestWeights puts back exactly the weights of the best epoch, and leaks nothing', async () => {
    const t = await tinyModel({ optimizer: 'adam' });
    const snapshots: Float32Array[][] = [];
    const record = { onEpochEnd: () => void snapshots.push(Object.values(t.model.savedWeights()).map((w) => w.dataSync() as Float32Array)) };
    const before = tf.memory().numTensors;
    // The score is best at epoch 2, then three epochs without improvement stop training at 5.
    const es = new EarlyStopping({ monitor: 'score', mode: 'min', patience: 3, restoreBestWeights: true });
    const history = await t.model.fit(t.x, t.y, { epochs: 10, batchSize: 8, callbacks: [scripted('score', [5, 4, 1, 2, 3, 4, 0, 0, 0, 0]), record, es] });
    expect(history.epoch).toEqual([0, 1, 2, 3, 4, 5]);
    expect(es.bestEpoch).toBe(2);
    const now = Object.values(t.model.savedWeights()).map((w) => w.dataSync());
    expect(now).toEqual(snapshots[2]);
    expect(now).not.toEqual(snapshots[5]);
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });

  it('warns once, with the keys available, when the monitor is missing, and never stops', async () => {
    const t = await tinyModel();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const es = new EarlyStopping({ patience: 0 });
    const history = await t.model.fit(t.x, t.y, { epochs: 3, callbacks: [es] });
    expect(history.epoch).toEqual([0, 1, 2]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^EarlyStopping: conditioned on 'val_loss', which is not in the logs \(validation metrics need fit's validationData or validationSplit\); available: loss, learning_rate, seconds$/);
    t.dispose();
  });

  it('checks its options with checkOptions: unknown ones are errors with a hint', () => {
    expect(() => new EarlyStopping({ patiance: 3 } as never)).toThrow("EarlyStopping: unknown option 'patiance' (did you mean 'patience'?)");
    expect(() => new EarlyStopping({ patience: -1 })).toThrow('EarlyStopping: patience');
    expect(() => new EarlyStopping({ mode: 'down' as never })).toThrow('EarlyStopping: mode');
  });
});
