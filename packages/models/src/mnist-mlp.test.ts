import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
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
});
