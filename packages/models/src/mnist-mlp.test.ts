import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { mnistCnn } from './mnist-cnn.js';
import { mnistMlp } from './mnist-mlp.js';

describe('mnistMlp', () => {
  it("is the lesson's network: 101,770 parameters for 128 hidden units, seeded", () => {
    const before = tf.memory().numTensors;
    const [a, b] = [mnistMlp({ seed: 1 }), mnistMlp({ seed: 1 })];
    a.build();
    b.build();
    // Keras' model.summary() for the lesson: 784·128 + 128 + 128·10 + 10.
    expect(a.countParams()).toBe(101_770);
    expect(a.layers.map((l) => l.constructor.name)).toEqual(['Flatten', 'Dense', 'Dense']);
    expect(Array.from(a.trainableWeights[0]!.dataSync().slice(0, 5))).toEqual(Array.from(b.trainableWeights[0]!.dataSync().slice(0, 5)));
    const c = mnistMlp({ hidden: 16 });
    c.build();
    expect(c.countParams()).toBe(784 * 16 + 16 + 16 * 10 + 10);
    for (const m of [a, b, c]) m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options by name', () => {
    expect(() => mnistMlp({ hidden: 0 })).toThrow('mnistMlp: hidden must be an integer with 1 <= hidden; got 0');
    expect(() => mnistMlp({ units: 3 } as never)).toThrow("mnistMlp: unknown option 'units'");
  });

  it('takes other image sizes and class counts (any IDX data set), the convnet too', () => {
    const mlp = mnistMlp({ inputShape: [14, 12, 1], classes: 5, hidden: 16, seed: 1 });
    const cnn = mnistCnn({ inputShape: [20, 20, 1], classes: 3, seed: 1 });
    try {
      mlp.build();
      cnn.build();
      expect(mlp.countParams()).toBe(14 * 12 * 16 + 16 + 16 * 5 + 5);
      // 20 → conv 18 → pool 9 → conv 7 → pool 3: 3·3·64 features into Dense(3).
      expect(cnn.countParams()).toBe(320 + 18_496 + (3 * 3 * 64 * 3 + 3));
      const y = tf.tidy(() => cnn.predict(tf.zeros([2, 20, 20, 1])));
      expect(y.shape).toEqual([2, 3]);
      y.dispose();
      expect(() => mnistCnn({ classes: 1 })).toThrow(/classes/);
    } finally {
      mlp.dispose();
      cnn.dispose();
    }
  });
});
