// Behaviour of the image and regularisation layers beyond the PyTorch fixtures
// (torch-reference.test.ts): dropout's training/inference semantics and seeding, shapes and
// option errors, batch norm's moving statistics through fit, and Keras' parameter counts.
import '@lab/core/register-gradients';
import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { mnistCnn } from '../mnist-cnn.js';
import { Sequential } from '../sequential.js';
import { BatchNormalization } from './batch-normalization.js';
import { Conv2D } from './conv2d.js';
import { Dense } from './dense.js';
import { Dropout } from './dropout.js';
import { Flatten } from './flatten.js';
import { AveragePooling2D, GlobalAveragePooling2D, MaxPooling2D } from './pooling-2d.js';
import { Reshape } from './reshape.js';

describe('Dropout', () => {
  it('passes inputs through in inference and drops about `rate` of them, scaling the rest, in training', () => {
    const layer = new Dropout({ rate: 0.3 });
    const x = tf.ones([200, 50]);
    expectNoLeak(() => {
      const same = layer.apply(x, false);
      expect(Array.from(same.dataSync()).every((v) => v === 1)).toBe(true);
      const dropped = layer.apply(x, true, 'seed-1');
      const values = Array.from(dropped.dataSync());
      const zeros = values.filter((v) => v === 0).length / values.length;
      expect(zeros).toBeGreaterThan(0.27);
      expect(zeros).toBeLessThan(0.33);
      expect(values.every((v) => v === 0 || Math.abs(v - 1 / 0.7) < 1e-6)).toBe(true);
      tf.dispose([same, dropped]);
    });
    x.dispose();
  });

  it('draws the same mask for the same seed and another for another seed', () => {
    const layer = new Dropout({ rate: 0.5 });
    const x = tf.ones([10, 10]);
    const [a, b, c] = [layer.apply(x, true, 's/0/1'), layer.apply(x, true, 's/0/1'), layer.apply(x, true, 's/0/2')];
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    tf.dispose([x, a, b, c]);
  });

  it('refuses a rate outside [0, 1)', () => {
    expect(() => new Dropout({ rate: 1 })).toThrow(/Dropout: rate must be a finite number/);
    expect(() => new Dropout({ rate: -0.1 })).toThrow(/rate/);
    // @ts-expect-error rate is required
    expect(() => new Dropout({})).toThrow(/rate is required/);
  });
});

describe('shapes and options', () => {
  it("computes Keras' output shapes", () => {
    expect(new Conv2D({ filters: 4, kernelSize: 3 }).outputShape([28, 28, 1])).toEqual([26, 26, 4]);
    expect(new Conv2D({ filters: 4, kernelSize: 3, padding: 'same', strides: 2 }).outputShape([7, 8, 1])).toEqual([4, 4, 4]);
    expect(new Conv2D({ filters: 2, kernelSize: 3, dilationRate: 2 }).outputShape([9, 9, 3])).toEqual([5, 5, 2]);
    expect(new MaxPooling2D().outputShape([7, 5, 3])).toEqual([3, 2, 3]);
    expect(new AveragePooling2D({ poolSize: 3, strides: 2, padding: 'same' }).outputShape([7, 7, 2])).toEqual([4, 4, 2]);
    expect(new GlobalAveragePooling2D().outputShape([5, 4, 6])).toEqual([6]);
    expect(new Reshape({ targetShape: [28, -1, 1] }).outputShape([784])).toEqual([28, 28, 1]);
  });

  it('names the layer and the option at fault', () => {
    expect(() => new Conv2D({ filters: 0, kernelSize: 3 })).toThrow(/filters must be a positive integer, got 0/);
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2 })).toThrow(/one of them must be 1/);
    expect(() => new Conv2D({ filters: 2, kernelSize: [3, 3, 3] as never })).toThrow(/kernelSize must be an integer or \[height, width\]/);
    // @ts-expect-error a misspelled option
    expect(() => new Conv2D({ filters: 2, kernel_size: 3 })).toThrow(/unknown option 'kernel_size' \(did you mean 'kernelSize'\?\)/);
    expect(() => new Conv2D({ name: 'c', filters: 2, kernelSize: 5 }).outputShape([3, 3, 1])).toThrow(/c: a window of 5×5 does not fit a 3×3 input/);
    expect(() => new Conv2D({ name: 'c', filters: 2, kernelSize: 3 }).outputShape([784])).toThrow(/c: expects samples of shape \[height, width, channels\].*got \[784\]; add a Reshape layer first/);
    expect(() => new Reshape({ targetShape: [5, -1] }).outputShape([12])).toThrow(/cannot reshape samples of shape \[12\]/);
    expect(() => new Reshape({ targetShape: [-1, -1] })).toThrow(/at most one -1/);
    expect(() => new BatchNormalization({ axis: 1 }).weightShapes([4, 4, 2])).toThrow(/axis 1 is not supported/);
  });

  it("counts the Keras MNIST convnet's parameters as Keras' summary does", () => {
    const model = mnistCnn({ seed: 1 });
    model.build();
    expect(model.countParams()).toBe(34_826);
    const summary = model.summary();
    expect(summary).toMatch(/conv2d\S* \(Conv2D\)\s+\(None, 26, 26, 32\)\s+320/);
    expect(summary).toMatch(/\(None, 11, 11, 64\)\s+18496/);
    expect(summary).toMatch(/\(None, 5, 5, 64\)\s+0/);
    expect(summary).toMatch(/dropout\S* \(Dropout\)\s+\(None, 1600\)\s+0/);
    model.dispose();
  });
});

describe('training and inference modes through fit, evaluate and predict', () => {
  function data(n: number) {
    const x = tf.randomUniform([n, 6, 6, 1], 0, 1, 'float32', 7);
    const y = tf.tidy(() => tf.cast(tf.oneHot(tf.cast(tf.greater(tf.mean(x, [1, 2, 3]), 0.5), 'int32'), 2), 'float32'));
    return { x, y };
  }

  it('updates batch norm moving statistics in fit and uses them in predict; no tensor leaks', async () => {
    const { x, y } = data(64);
    const model = new Sequential(
      [
        new Conv2D({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, padding: 'same' }),
        new BatchNormalization(),
        new MaxPooling2D(),
        new Flatten(),
        new Dropout({ rate: 0.2 }),
        new Dense({ units: 2, activation: 'softmax' }),
      ],
      { seed: 3 },
    );
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const bn = model.layers[1]!;
    const before = tf.memory().numTensors;
    const history = await model.fit(x, y, { epochs: 2, batchSize: 16, seed: 1 });
    // What fit leaves behind is the optimizer state it keeps on the model, nothing else.
    expect(tf.memory().numTensors).toBe(before + countTensors(model.optimizerState!));
    expect(history.history.loss).toHaveLength(2);
    const movingMean = bn.allWeights[bn.weightNames.indexOf('moving_mean')]!.dataSync();
    expect(Array.from(movingMean).some((v) => v !== 0)).toBe(true);
    // Inference is deterministic (no dropout, moving statistics): the same input gives the same output.
    const [p1, p2] = [model.predict(x), model.predict(x)];
    expect(Array.from(p1.dataSync())).toEqual(Array.from(p2.dataSync()));
    tf.dispose([p1, p2, x, y]);
    model.dispose();
  });

  it('gives the same run for the same seed (dropout masks are seeded by the run, epoch and step)', async () => {
    const run = async () => {
      const { x, y } = data(48);
      const model = new Sequential([new Flatten({ inputShape: [6, 6, 1] }), new Dropout({ rate: 0.5 }), new Dense({ units: 2, activation: 'softmax' })], { seed: 4 });
      model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
      const history = await model.fit(x, y, { epochs: 2, batchSize: 8, seed: 9 });
      tf.dispose([x, y]);
      model.dispose();
      return history.history.loss;
    };
    expect(await run()).toEqual(await run());
  });
});

function countTensors(container: tf.TensorContainer): number {
  if (container instanceof tf.Tensor) return 1;
  if (container === null || typeof container !== 'object') return 0;
  return Object.values(container as Record<string, tf.TensorContainer>).reduce<number>((n, v) => n + countTensors(v), 0);
}
