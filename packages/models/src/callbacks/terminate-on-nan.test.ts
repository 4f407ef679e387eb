import { sgd } from '@lab/optim';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dense } from '../layers/dense.js';
import { Sequential } from '../sequential.js';
import { tinyModel } from '../test/callbacks.js';
import { TerminateOnNaN } from './terminate-on-nan.js';

// Keras: "Callback that terminates training when a NaN loss is encountered", checked on every batch's loss.
describe('TerminateOnNaN', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stops on a NaN or infinite batch loss, recording where', async () => {
    const t = await tinyModel();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cb = new TerminateOnNaN();
    expect(cb.batchLogInterval).toBe(1);
    cb.setModel(t.model);
    cb.onTrainBegin();
    cb.onEpochBegin(3);
    cb.onBatchEnd(0, { size: 8, loss: 0.7 });
    expect(t.model.stopTraining).toBe(false);
    cb.onBatchEnd(1, { size: 8, loss: Number.POSITIVE_INFINITY });
    expect(t.model.stopTraining).toBe(true);
    expect(cb.stoppedAt).toEqual({ epoch: 3, batch: 1 });
    t.model.stopTraining = false;
    cb.onTrainBegin();
    cb.onBatchEnd(2, { size: 8, loss: Number.NaN });
    expect(t.model.stopTraining).toBe(true);
    t.dispose();
  });

  it('ends a diverging fit after the batch whose loss overflowed, freeing every tensor', async () => {
    // Inputs up to 99 and a huge rate: the squared error overflows float32 within a few steps.
    const model = new Sequential([new Dense({ units: 10, inputShape: [20] })], { seed: 1 });
    model.compile({ optimizer: sgd({ learningRate: 1e6 }), loss: 'mse' });
    const x = tf.tensor2d(Array.from({ length: 100 }, (_, i) => i), [5, 20]);
    const y = tf.zeros([5, 10]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = tf.memory().numTensors;
    const cb = new TerminateOnNaN();
    const history = await model.fit(x, y, { epochs: 20, batchSize: 1, callbacks: [cb] });
    expect(cb.stoppedAt).toBeDefined();
    expect(history.epoch).toHaveLength(cb.stoppedAt!.epoch + 1);
    expect(history.epoch.length).toBeLessThan(20);
    expect(Number.isFinite(history.history.loss.at(-1)!)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^TerminateOnNaN: batch \d+: invalid loss, terminating training$/));
    expect(tf.memory().numTensors).toBe(before + 0);
    model.dispose();
    tf.dispose([x, y]);
  });
});
