import {
  F1Score,
  f1,
  MeanAbsoluteError,
  MeanSquaredError,
  meanAbsoluteError,
  meanSquaredError,
  Precision,
  precision,
  R2Score,
  RootMeanSquaredError,
  r2Score,
  recall,
  topKAccuracy,
} from '@lab/metrics';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Dense } from './layers/dense.js';
import { Flatten } from './layers/flatten.js';
import { Sequential } from './sequential.js';
import { blobs } from './test/data.js';

function model(seed: number, classes = 6): Sequential {
  return new Sequential([new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: classes, activation: 'softmax' })], { seed });
}

// Keras: compile(metrics=[...]) takes names and metric objects; each shows in fit's logs and
// History under its name, with a val_ twin on validation data, and in evaluate's result.
describe('compile metrics', () => {
  it('logs precision, recall, F1 and top-k accuracy in fit (with val_ twins) and evaluate, as @lab/metrics computes them', async () => {
    const { x, y } = blobs(60, 6, 3);
    const m = model(3);
    m.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy', 'precision', 'recall', 'f1', 'top_k_categorical_accuracy'] });
    const history = await m.fit(x, y, { epochs: 2, batchSize: 16, validationData: [x, y] });
    const names = ['accuracy', 'precision', 'recall', 'f1_score', 'top_k_categorical_accuracy'];
    for (const n of names) {
      expect(history.history[n], n).toHaveLength(2);
      expect(history.history[`val_${n}`], `val_${n}`).toHaveLength(2);
    }
    const result = await m.evaluate(x, y, { batchSize: 7 });
    // The validation pass after the last epoch is evaluate on the same data with the same weights.
    for (const n of names) expect(history.history[`val_${n}`]![1]).toBeCloseTo(result[n]!, 12);
    const p = m.predict(x);
    // Names mean macro averages over argmax predictions, 0 for a class never predicted; top-k has Keras's k = 5.
    const options = { average: 'macro', zeroDivision: 0 } as const;
    expect(result.precision).toBeCloseTo(precision(y, p, options), 12);
    expect(result.recall).toBeCloseTo(recall(y, p, options), 12);
    expect(result.f1_score).toBeCloseTo(f1(y, p, options), 12);
    const top5 = topKAccuracy(y, p, { k: 5 });
    expect(result.top_k_categorical_accuracy).toBeCloseTo(top5.dataSync()[0]!, 6);
    tf.dispose([p, top5, x, y]);
    m.dispose();
  });

  it('takes metric objects of @lab/metrics, Keras-named or named explicitly; they stay the caller\'s', async () => {
    const { x, y } = blobs(48, 6, 4);
    const m = model(4);
    const micro = new Precision({ average: 'micro' });
    const f1Macro = new F1Score({ average: 'macro', zeroDivision: 0 });
    m.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: [micro, { name: 'macro_f1', metric: f1Macro }, 'accuracy'] });
    await m.fit(x, y, { epochs: 1, batchSize: 16 });
    const before = tf.memory().numTensors;
    const result = await m.evaluate(x, y);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(result)).toEqual(['loss', 'precision', 'macro_f1', 'accuracy']);
    // Micro precision of single-label predictions is the accuracy.
    expect(result.precision).toBeCloseTo(result.accuracy!, 12);
    const p = m.predict(x);
    expect(result.macro_f1).toBeCloseTo(f1(y, p, { average: 'macro', zeroDivision: 0 }), 12);
    // Not disposed by the model: still usable.
    micro.update(y, p);
    expect(micro.computeSync()).toBeCloseTo(result.precision!, 12);
    micro.dispose();
    f1Macro.dispose();
    tf.dispose([p, x, y]);
    m.dispose();
  });

  it('leaks no tensors in fit and evaluate with every kind of metric', async () => {
    const { x, y } = blobs(40, 6, 5);
    const m = model(5);
    const object = new Precision({ average: 'macro', zeroDivision: 0 });
    m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['precision', 'top_k_categorical_accuracy', { name: 'p', metric: object }] });
    await m.fit(x, y, { epochs: 1 });
    const before = tf.memory().numTensors;
    await m.fit(x, y, { epochs: 2, batchSize: 8, validationSplit: 0.25 });
    await m.evaluate(x, y);
    expect(tf.memory().numTensors).toBe(before);
    object.dispose();
    tf.dispose([x, y]);
    m.dispose();
  });

  it('logs the regression metrics under Keras\' names, by name and as objects, as @lab/metrics computes them', async () => {
    const { x } = blobs(40, 6, 7);
    const y = tf.randomNormal([40, 2], 0, 1, 'float32', 8);
    const regression = () => new Sequential([new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 2 })], { seed: 7 });
    const m = regression();
    m.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mse', 'root_mean_squared_error', 'mae', 'r2_score'] });
    const history = await m.fit(x, y, { epochs: 2, batchSize: 16, validationData: [x, y] });
    const names = ['mean_squared_error', 'root_mean_squared_error', 'mean_absolute_error', 'r2_score'];
    for (const n of names) expect(history.history[`val_${n}`], `val_${n}`).toHaveLength(2);
    const before = tf.memory().numTensors;
    const result = await m.evaluate(x, y, { batchSize: 7 });
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(result)).toEqual(['loss', ...names]);
    for (const n of names) expect(history.history[`val_${n}`]![1]).toBeCloseTo(result[n]!, 12);
    // The loss is the same mean, in float32 on the device.
    expect(result.mean_squared_error).toBeCloseTo(result.loss!, 5);
    const p = m.predict(x);
    expect(result.mean_squared_error).toBeCloseTo(meanSquaredError(y, p), 6);
    expect(result.root_mean_squared_error).toBeCloseTo(meanSquaredError(y, p, { squared: false }), 6);
    expect(result.mean_absolute_error).toBeCloseTo(meanAbsoluteError(y, p), 6);
    expect(result.r2_score).toBeCloseTo(r2Score(y, p), 6);
    p.dispose();
    m.dispose();

    // Objects are named by their class; MeanSquaredError by its squared option.
    const objects = regression();
    const rmse = new MeanSquaredError({ squared: false });
    const mae = new MeanAbsoluteError();
    const r2 = new R2Score({ forceFinite: false });
    objects.compile({ optimizer: 'sgd', loss: 'mse', metrics: [rmse, mae, r2, { name: 'mse_object', metric: new MeanSquaredError() }] });
    const named = await objects.evaluate(x, y);
    expect(Object.keys(named)).toEqual(['loss', 'root_mean_squared_error', 'mean_absolute_error', 'r2_score', 'mse_object']);
    const q = objects.predict(x);
    // Two outputs: the RMSE is the mean of their roots (scikit-learn's), not the root of the MSE.
    expect(named.root_mean_squared_error).toBeCloseTo(meanSquaredError(y, q, { squared: false }), 6);
    expect(named.mse_object).toBeCloseTo(meanSquaredError(y, q), 6);
    expect(named.r2_score).toBeCloseTo(r2Score(y, q, { forceFinite: false }), 6);
    q.dispose();
    expect(() => objects.compile({ optimizer: 'sgd', loss: 'mse', metrics: [rmse, new RootMeanSquaredError()] })).toThrow(
      "compile: metric name 'root_mean_squared_error' is taken",
    );
    for (const metric of [rmse, mae, r2]) metric.dispose();
    objects.dispose();
    tf.dispose([x, y]);
  });

  it('refuses unknown names, taken names and objects it cannot name', () => {
    const m = model(6);
    const compile = (metrics: unknown[]) => m.compile({ optimizer: 'sgd', loss: 'mse', metrics: metrics as never });
    expect(() => compile(['precison'])).toThrow("compile: unknown metric 'precison'; expected one of: accuracy, precision, recall, f1_score, top_k_categorical_accuracy");
    expect(() => compile(['accuracy', 'acc'])).toThrow("compile: metric name 'accuracy' is taken");
    expect(() => compile([{ name: 'loss', metric: new Precision() }])).toThrow("compile: metric name 'loss' is taken");
    const custom = { update() {}, compute: async () => 1, computeSync: () => 1, reset() {}, dispose() {} };
    expect(() => compile([custom])).toThrow('compile: metrics[0] is a metric of a class without a Keras name; pass { name, metric }');
    expect(() => compile([42])).toThrow('compile: metrics[0] is neither a metric name');
    m.dispose();
  });
});
