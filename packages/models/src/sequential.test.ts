import { categoricalCrossentropy } from '@lab/losses';
import { adam, sgd } from '@lab/optim';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import type { Callback } from './callbacks.js';
import { Dense } from './layers/dense.js';
import { Flatten } from './layers/flatten.js';
import { Sequential } from './sequential.js';
import { blobs } from './test/data.js';

function lessonModel(seed: number, hidden = 8, classes = 3): Sequential {
  return new Sequential(
    [
      new Flatten({ inputShape: [4, 4, 1] }),
      new Dense({ units: hidden, activation: 'relu' }),
      new Dense({ units: classes, activation: 'softmax' }),
    ],
    { seed },
  );
}

describe('Sequential', () => {
  it('learns a separable problem and reports per-epoch loss and accuracy', async () => {
    const { x, y } = blobs(300, 3, 1);
    const model = lessonModel(1);
    model.compile({ optimizer: adam({ learningRate: 0.01 }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(x, y, { epochs: 10, batchSize: 32, seed: 2 });
    const loss = history.history.loss!;
    expect(history.epoch).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(loss[9]!).toBeLessThan(loss[0]! / 3);
    const result = await model.evaluate(x, y);
    expect(result.accuracy).toBeGreaterThan(0.95);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('leaks no tensors in fit, evaluate and predict', async () => {
    const { x, y } = blobs(100, 3, 3);
    const model = lessonModel(3);
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const start = tf.memory().numTensors;
    await model.fit(x, y, { epochs: 2, batchSize: 16, validationSplit: 0.2 });
    // The model keeps its optimizer state (Adam: two moments per weight) across fits, as Keras does.
    const withState = tf.memory().numTensors;
    expect(withState).toBe(start + 8);
    await model.fit(x, y, { epochs: 1, batchSize: 16 });
    expect(tf.memory().numTensors).toBe(withState);
    await model.evaluate(x, y, { batchSize: 7 });
    expect(tf.memory().numTensors).toBe(withState);
    const p = model.predict(x, { batchSize: 30 });
    expect(p.shape).toEqual([100, 3]);
    expect(tf.memory().numTensors).toBe(withState + 1);
    p.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(start - 4);
    tf.dispose([x, y]);
  });

  it('same seed, same run; a different seed, a different run', async () => {
    const { x, y } = blobs(64, 3, 4);
    const run = async (seed: number) => {
      const model = lessonModel(seed);
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
      const h = await model.fit(x, y, { epochs: 2, batchSize: 16, seed });
      model.dispose();
      return h.history.loss;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(await run(6)).not.toEqual(a);
    tf.dispose([x, y]);
  });

  it('matches tfjs-layers model.fit step for step (same weights, same batches, Adam)', async () => {
    // Reference: @tensorflow/tfjs-layers 4.22 (the Keras port) on the same backend. Both use
    // Adam(lr 0.001, beta 0.9/0.999, eps 1e-7) and categorical cross-entropy on a softmax output.
    const { x, y } = blobs(96, 3, 5);
    const ours = lessonModel(7);
    ours.compile({ optimizer: adam(), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const theirs = tfl.sequential({
      layers: [
        tfl.layers.flatten({ inputShape: [4, 4, 1] }),
        tfl.layers.dense({ units: 8, activation: 'relu' }),
        tfl.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    theirs.setWeights(ours.trainableWeights.map((w) => w.clone()));
    theirs.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const h1 = await ours.fit(x, y, { epochs: 3, batchSize: 32, shuffle: false });
    const h2 = await theirs.fit(x, y, { epochs: 3, batchSize: 32, shuffle: false, verbose: 0 });
    for (let e = 0; e < 3; e++) {
      expect(h1.history.loss![e]!).toBeCloseTo(h2.history.loss![e] as number, 5);
      expect(h1.history.accuracy![e]!).toBeCloseTo(h2.history.acc![e] as number, 6);
    }
    const w2 = theirs.getWeights();
    ours.trainableWeights.forEach((w, i) => {
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(w, w2[i]!))).dataSync()[0]!);
      expect(diff).toBeLessThan(1e-5);
    });
    ours.dispose();
    theirs.dispose();
    tf.dispose([x, y]);
  });

  it('gradients of the training loss agree with finite differences', () => {
    // Central differences on a few kernel entries of a tiny model; float32, so eps = 1e-2 and
    // a tolerance of 2e-2 relative (the loss is smooth where no ReLU input crosses zero).
    const { x, y } = blobs(12, 3, 8);
    const model = lessonModel(9, 4);
    model.compile({ optimizer: sgd(), loss: 'categoricalCrossentropy' });
    const kernel = model.trainableWeights[0]!;
    const lossAt = (values: Float32Array): number => {
      const t = tf.tensor(values, kernel.shape);
      kernel.assign(t);
      t.dispose();
      return tf.tidy(() => categoricalCrossentropy(y, model.forward(x)).dataSync()[0]!);
    };
    const { value, grads } = tf.variableGrads(() => categoricalCrossentropy(y, model.forward(x, true)) as tf.Scalar, [kernel]);
    const analytic = grads[kernel.name]!.dataSync();
    tf.dispose([value, grads]);
    const k0 = Float32Array.from(kernel.dataSync());
    const eps = 1e-2;
    for (const i of [0, 5, 17, 40, 63]) {
      const plus = k0.slice();
      plus[i]! += eps;
      const minus = k0.slice();
      minus[i]! -= eps;
      const numeric = (lossAt(plus) - lossAt(minus)) / (2 * eps);
      expect(Math.abs(numeric - analytic[i]!)).toBeLessThan(1e-3 + 2e-2 * Math.abs(analytic[i]!));
    }
    model.dispose();
    tf.dispose([x, y]);
  });

  it('passes batch and epoch logs to callbacks and stops when asked', async () => {
    const { x, y } = blobs(64, 3, 10);
    const model = lessonModel(10);
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const seen: string[] = [];
    const cb: Callback = {
      batchLogInterval: 2,
      onTrainBegin: (info) => void seen.push(`begin ${info.stepsPerEpoch}x${info.batchSize}`),
      onBatchEnd: (batch, logs) => void seen.push(`batch ${batch} ${logs.size} ${logs.loss === undefined ? '-' : 'loss'}`),
      onEpochEnd: (epoch, logs) => {
        seen.push(`epoch ${epoch} ${Object.keys(logs).join(',')}`);
        if (epoch === 1) model.stopTraining = true;
      },
    };
    const h = await model.fit(x, y, { epochs: 5, batchSize: 20, callbacks: [cb] });
    expect(h.epoch).toEqual([0, 1]);
    expect(seen.slice(0, 6)).toEqual([
      'begin 4x20',
      'batch 0 20 -',
      'batch 1 20 loss',
      'batch 2 20 -',
      'batch 3 4 loss',
      'epoch 0 loss,accuracy,learning_rate,seconds',
    ]);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('names the shapes or options at fault', async () => {
    const { x, y } = blobs(10, 3, 11);
    const model = lessonModel(11);
    await expect(model.fit(x, y)).rejects.toThrow(/call compile\(\) before fit\(\)/);
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    const short = tf.slice(y, 0, 5);
    await expect(model.fit(x, short)).rejects.toThrow(/inputs \[10, 4, 4, 1\] and targets \[5, 3\]/);
    await expect(model.fit(x, y, { batchSize: 0 })).rejects.toThrow(/batchSize must be a positive integer, got 0/);
    const wrong = tf.zeros([2, 5, 5, 1]);
    expect(() => model.predict(wrong)).toThrow(/expected input of shape \[N, 4, 4, 1\], got \[2, 5, 5, 1\]/);
    expect(() => model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['auc'] })).toThrow(
      /unknown metric 'auc'/,
    );
    model.dispose();
    tf.dispose([x, y, short, wrong]);
  });
});
