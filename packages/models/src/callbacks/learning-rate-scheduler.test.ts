import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Dense } from '../layers/dense.js';
import { Sequential } from '../sequential.js';
import { tinyModel } from '../test/callbacks.js';
import { LearningRateScheduler } from './learning-rate-scheduler.js';

describe('LearningRateScheduler', () => {
  it("Keras's documented example: 0.01 for 10 epochs, then × e^-0.1 per epoch, 0.00607 after 15", async () => {
    // def scheduler(epoch, lr): return lr if epoch < 10 else lr * ops.exp(-0.1)
    // model = Sequential([Dense(10)]); model.compile(SGD(), loss='mse')
    // round(model.optimizer.learning_rate, 5) → 0.01
    // model.fit(np.arange(100).reshape(5, 20), np.zeros(5), epochs=15, callbacks=[LearningRateScheduler(scheduler)])
    // round(model.optimizer.learning_rate, 5) → 0.00607
    const model = new Sequential([new Dense({ units: 10, inputShape: [20] })], { seed: 1 });
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    const x = tf.tensor2d(Array.from({ length: 100 }, (_, i) => i), [5, 20]);
    const y = tf.zeros([5, 10]);
    const before = tf.memory().numTensors;
    const history = await model.fit(x, y, { epochs: 15, callbacks: [new LearningRateScheduler((epoch, lr) => (epoch < 10 ? lr : lr * Math.exp(-0.1)))] });
    expect(tf.memory().numTensors).toBe(before);
    expect(Number(model.getLearningRate()!.toFixed(5))).toBe(0.00607);
    const rates = history.history.learning_rate!;
    expect(rates.slice(0, 10)).toEqual(Array(10).fill(0.01));
    for (const [i, r] of rates.slice(10).entries()) expect(r).toBeCloseTo(0.01 * Math.exp(-0.1 * (i + 1)), 12);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('gets the absolute epoch in a resumed run, and refuses a bad schedule value naming the epoch', async () => {
    const t = await tinyModel();
    const epochs: number[] = [];
    await t.model.fit(t.x, t.y, { epochs: 4, initialEpoch: 2, callbacks: [
        new LearningRateScheduler((e) => {
          epochs.push(e);
          return 0.5;
        }),
      ],
    });
    expect(epochs).toEqual([2, 3]);
    const before = tf.memory().numTensors;
    await expect(t.model.fit(t.x, t.y, { epochs: 3, callbacks: [new LearningRateScheduler((e) => (e === 1 ? Number.NaN : 0.1))] })).rejects.toThrow(
      'LearningRateScheduler: the schedule returned NaN at epoch 1; it must return a number >= 0',
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(() => new LearningRateScheduler(0.1 as never)).toThrow('LearningRateScheduler: schedule must be a function');
    t.dispose();
  });
});
