import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Dense } from './dense.js';

describe('Dense', () => {
  it('builds a Glorot-uniform kernel [in, units] and a zero bias, reproducibly', async () => {
    const a = new Dense({ units: 128 });
    const b = new Dense({ units: 128 });
    a.build([784], 3);
    b.build([784], 3);
    const [k, bias] = a.weights;
    expect(k!.shape).toEqual([784, 128]);
    expect(bias!.shape).toEqual([128]);
    // Keras: limit = sqrt(6 / (fan_in + fan_out)) = sqrt(6 / 912) ≈ 0.0811
    const limit = Math.sqrt(6 / (784 + 128));
    const values = await k!.data();
    let max = 0;
    for (const v of values) max = Math.max(max, Math.abs(v));
    expect(max).toBeLessThanOrEqual(limit);
    expect(max).toBeGreaterThan(limit * 0.99);
    expect(Array.from(await bias!.data()).every((v) => v === 0)).toBe(true);
    expect(Array.from(await b.weights[0]!.data())).toEqual(Array.from(values));
    a.dispose();
    b.dispose();
  });

  it('computes activation(x·W + b) for each activation', () => {
    const x = tf.tensor2d([[1, -2]]);
    for (const [activation, expected] of [
      ['linear', [1.5, -3]],
      ['relu', [1.5, 0]],
      ['tanh', [Math.tanh(1.5), Math.tanh(-3)]],
      ['sigmoid', [1 / (1 + Math.exp(-1.5)), 1 / (1 + Math.exp(3))]],
      ['softmax', [Math.exp(1.5) / (Math.exp(1.5) + Math.exp(-3)), Math.exp(-3) / (Math.exp(1.5) + Math.exp(-3))]],
    ] as const) {
      // W = [[1, 0], [0.25, 1.5]], b = [1, 0]: x·W + b = [1 - 0.5 + 1, -3] = [1.5, -3]
      const layer = new Dense({
        units: 2,
        activation,
        kernelInitializer: () => tf.tensor2d([[1, 0], [0.25, 1.5]]),
        biasInitializer: () => tf.tensor1d([1, 0]),
      });
      layer.build([2], 0);
      const before = tf.memory().numTensors;
      const y = layer.apply(x);
      expect(tf.memory().numTensors).toBe(before + 1);
      const got = Array.from(y.dataSync());
      for (const [i, v] of got.entries()) expect(v).toBeCloseTo(expected[i]!, 6);
      y.dispose();
      layer.dispose();
    }
    x.dispose();
  });

  it('rejects bad options with the option named', () => {
    expect(() => new Dense({ units: 0 })).toThrow(/units must be a positive integer, got 0/);
    // @ts-expect-error testing a bad activation name from untyped input
    expect(() => new Dense({ units: 2, activation: 'mish' })).toThrow(/unknown activation 'mish'; expected one of linear, relu/);
  });
});
