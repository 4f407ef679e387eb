import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { Callback } from './callbacks.js';
import { Dense } from './layers/dense.js';
import { Flatten } from './layers/flatten.js';
import { Sequential } from './sequential.js';
import { blobs } from './test/data.js';

/** Flatten → Dense(8, hidden) → Dense(classes, out), on [4, 4, 1] samples. */
function model(seed: number, hidden: 'relu' | 'sigmoid' = 'relu', out: 'softmax' | 'linear' | 'tanh' = 'softmax', classes = 3): Sequential {
  return new Sequential(
    [new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 8, activation: hidden }), new Dense({ units: classes, activation: out })],
    { seed },
  );
}

/** Awaits `run`, which must reject with `message`, and checks that the live tensor count is unchanged. */
async function expectRejectsWithoutLeak(run: () => Promise<unknown>, message: string | RegExp): Promise<void> {
  const before = tf.memory().numTensors;
  await expect(run()).rejects.toThrow(message);
  expect(tf.memory().numTensors).toBe(before);
}

/** A compiled lesson model that has trained once, so that its optimizer state exists already. */
async function trained(seed: number, x: tf.Tensor, y: tf.Tensor): Promise<Sequential> {
  const m = model(seed);
  m.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  await m.fit(x, y, { epochs: 1, batchSize: 8 });
  return m;
}

describe('fit error paths free every tensor they made', () => {
  it('a callback that throws, in any hook', async () => {
    const { x, y } = blobs(20, 3, 1);
    const m = await trained(1, x, y);
    const hooks: (keyof Callback)[] = ['onTrainBegin', 'onEpochBegin', 'onBatchEnd', 'onEpochEnd', 'onTrainEnd'];
    for (const hook of hooks) {
      const callback: Callback = { batchLogInterval: 1, [hook]: () => { throw new Error(`${hook} failed`); } };
      await expectRejectsWithoutLeak(() => m.fit(x, y, { epochs: 2, batchSize: 8, callbacks: [callback] }), `${hook} failed`);
    }
    // An async hook that rejects, with validation data in flight.
    const late: Callback = { onEpochEnd: async () => Promise.reject(new Error('late')) };
    await expectRejectsWithoutLeak(() => m.fit(x, y, { epochs: 1, batchSize: 8, validationSplit: 0.25, callbacks: [late] }), 'late');
    m.dispose();
    tf.dispose([x, y]);
  });

  it('labels of the wrong width: an error before the first step, naming both shapes', async () => {
    const { x, y } = blobs(20, 3, 2);
    const wide = tf.oneHot(tf.tensor1d(Array.from({ length: 20 }, (_, i) => i % 5), 'int32'), 5);
    const fresh = model(2);
    fresh.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    await expectRejectsWithoutLeak(
      () => fresh.fit(x, wide),
      "fit: targets of shape [20, 5] do not fit the model's output [N, 3]; the loss needs targets of shape [N, 3]",
    );
    const m = await trained(2, x, y);
    await expectRejectsWithoutLeak(() => m.fit(x, wide), 'fit: targets of shape [20, 5]');
    await expectRejectsWithoutLeak(() => m.fit(x, y, { validationData: [x, wide] }), 'fit: validationData: targets of shape [20, 5]');
    await expectRejectsWithoutLeak(() => m.evaluate(x, wide), "evaluate: targets of shape [20, 5] do not fit the model's output [N, 3]");
    // Sparse labels: one per sample, not one-hot rows.
    m.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    await expectRejectsWithoutLeak(() => m.fit(x, y), 'the loss needs targets of shape [N] or [N, 1] class labels');
    m.dispose();
    fresh.dispose();
    tf.dispose([x, y, wide]);
  });

  it('inputs of the wrong shape, in fit, evaluate, predict and validation data', async () => {
    const { x, y } = blobs(20, 3, 3);
    const m = await trained(3, x, y);
    const wrong = tf.zeros([20, 5, 5, 1]);
    await expectRejectsWithoutLeak(() => m.fit(wrong, y), /expected input of shape \[N, 4, 4, 1\], got \[20, 5, 5, 1\]/);
    await expectRejectsWithoutLeak(() => m.fit(x, y, { validationData: [wrong, y] }), /expected input of shape \[N, 4, 4, 1\]/);
    await expectRejectsWithoutLeak(() => m.evaluate(wrong, y), /expected input of shape/);
    const before = tf.memory().numTensors;
    expect(() => m.predict(wrong, { batchSize: 4 })).toThrow(/expected input of shape/);
    expect(tf.memory().numTensors).toBe(before);
    m.dispose();
    tf.dispose([x, y, wrong]);
  });

  it('a loss that throws mid-training, on the analytic and the autodiff path', async () => {
    const { x, y } = blobs(20, 3, 4);
    for (const hidden of ['relu', 'sigmoid'] as const) {
      // relu then linear: analytic backprop, tfjs differentiates only the loss; sigmoid has no
      // analytic backward pass here, so fit records the whole forward pass on tfjs's tape.
      const m = model(4, hidden, 'linear');
      let calls = 0;
      // Throws after an op of its own, which tfjs's tape records too.
      const flaky = (t: tf.Tensor, p: tf.Tensor) => {
        calls++;
        const d = tf.sub(t, p);
        if (calls === 2) throw new Error(`loss failed (${hidden})`);
        return tf.mean(tf.square(d));
      };
      m.compile({ optimizer: 'sgd', loss: flaky });
      await m.fit(x, y, { epochs: 1, batchSize: 20 });
      await expectRejectsWithoutLeak(() => m.fit(x, y, { epochs: 1, batchSize: 20 }), `loss failed (${hidden})`);
      m.dispose();
    }
    tf.dispose([x, y]);
  });

  it('logits given to a probability loss: the loss says so, and nothing leaks', async () => {
    const { x, y } = blobs(20, 3, 5);
    // linear: the analytic path; tanh has no analytic backward pass, so tfjs's tape records the
    // forward pass before the loss throws. Plain sgd keeps no optimizer tensors.
    for (const out of ['linear', 'tanh'] as const) {
      const m = model(5, 'relu', out);
      m.compile({ optimizer: 'sgd', loss: 'binaryCrossentropy' });
      await expectRejectsWithoutLeak(() => m.fit(x, y, { epochs: 1, batchSize: 20 }), /binaryCrossentropy: yPred holds values from -?[\d.]+ to [\d.]+, outside \[0, 1\]/);
      await expectRejectsWithoutLeak(() => m.evaluate(x, y), 'pass fromLogits: true');
      m.dispose();
    }
    tf.dispose([x, y]);
  });

  it('multilabel targets reach the accuracy metric: an error at the end of the epoch, without leaks', async () => {
    const { x, y } = blobs(20, 3, 6);
    const multiHot = tf.tensor2d(Array.from({ length: 20 }, (_, i) => [1, i % 2, 0]));
    const m = model(6, 'relu', 'linear');
    m.compile({ optimizer: 'adam', loss: 'meanSquaredError', metrics: ['accuracy'] });
    await m.fit(x, y, { epochs: 1, batchSize: 10 });
    await expectRejectsWithoutLeak(
      () => m.fit(x, multiHot, { epochs: 1, batchSize: 10 }),
      'Accuracy.compute: yTrue in a batch given to update() is a multilabel indicator matrix',
    );
    await expectRejectsWithoutLeak(() => m.evaluate(x, multiHot), 'Accuracy.compute: yTrue in a batch given to update()');
    m.dispose();
    tf.dispose([x, y, multiHot]);
  });
});

describe('options of models', () => {
  it('fit, evaluate and predict reject unknown options, with a hint, before any work', async () => {
    const { x, y } = blobs(10, 3, 7);
    const m = model(7);
    m.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    await expectRejectsWithoutLeak(() => m.fit(x, y, { batch_size: 4 } as never), "fit: unknown option 'batch_size' (did you mean 'batchSize'?)");
    await expectRejectsWithoutLeak(() => m.fit(x, y, { epoch: 2 } as never), "fit: unknown option 'epoch' (did you mean 'epochs'?)");
    await expectRejectsWithoutLeak(() => m.fit(x, y, { validation_split: 0.2 } as never), "(did you mean 'validationSplit'?)");
    await expectRejectsWithoutLeak(() => m.fit(x, y, { verbose: 0 } as never), "fit: unknown option 'verbose'; the options are epochs, batchSize, shuffle, seed, callbacks");
    await expectRejectsWithoutLeak(() => m.fit(x, y, { shuffle: 'false' } as never), 'fit: shuffle must be true or false; got "false"');
    await expectRejectsWithoutLeak(() => m.fit(x, y, { validationData: [x] } as never), 'fit: validationData must be [x, y], two tensors; got 1');
    await expectRejectsWithoutLeak(() => m.fit(x, y, { validationData: [x, [1]] } as never), 'fit: validationData must be an array of tf.Tensor; got [a Tensor, [1]]');
    await expectRejectsWithoutLeak(() => m.fit(x, y, { callbacks: [() => undefined] } as never), 'fit: callbacks must be an array of object');
    await expectRejectsWithoutLeak(() => m.fit(x, y, { initialEpoch: -1 }), 'fit: initialEpoch must be an integer with 0 <= initialEpoch; got -1');
    await expectRejectsWithoutLeak(() => m.evaluate(x, y, { batchsize: 4 } as never), "evaluate: unknown option 'batchsize' (did you mean 'batchSize'?)");
    expect(() => m.predict(x, { batch: 4 } as never)).toThrow("predict: unknown option 'batch'; the options are batchSize");
    m.dispose();
    tf.dispose([x, y]);
  });

  it('compile, Sequential and the layers reject unknown options, with a hint', () => {
    const m = model(8);
    expect(() => m.compile({ optimizer: 'adam', loss: 'mse', metric: ['accuracy'] } as never)).toThrow(
      "compile: unknown option 'metric' (did you mean 'metrics'?); the options are optimizer, loss, metrics",
    );
    expect(() => m.compile({ optimiser: 'adam', loss: 'mse' } as never)).toThrow("compile: unknown option 'optimiser' (did you mean 'optimizer'?)");
    expect(() => m.compile({ loss: 'mse' } as never)).toThrow('compile: optimizer must be a string or an object; got undefined');
    expect(() => m.compile({ optimizer: 'adam', loss: 3 } as never)).toThrow('compile: loss must be a string or a function; got 3');
    expect(() => new Sequential([], { sed: 1 } as never)).toThrow("Sequential: unknown option 'sed' (did you mean 'seed'?)");
    expect(() => new Dense({ units: 4, activaton: 'relu' } as never)).toThrow("Dense: unknown option 'activaton' (did you mean 'activation'?)");
    expect(() => new Dense({ units: 4, use_bias: false } as never)).toThrow("Dense: unknown option 'use_bias' (did you mean 'useBias'?)");
    expect(() => new Dense({ units: 4, useBias: 'no' } as never)).toThrow('Dense: useBias must be true or false; got "no"');
    expect(() => new Dense({ units: 4, kernelInitializer: 'heNormal' } as never)).toThrow(
      "Dense: kernelInitializer must be one of 'glorotUniform', 'zeros', 'ones' or a function; got \"heNormal\"",
    );
    expect(() => new Dense({ unit: 4 } as never)).toThrow("Dense: unknown option 'unit' (did you mean 'units'?)");
    expect(() => new Flatten({ input_shape: [4, 4] } as never)).toThrow("Flatten: unknown option 'input_shape' (did you mean 'inputShape'?)");
    expect(() => new Flatten({ inputShape: 16 } as never)).toThrow('inputShape must be an array of positive integers, got 16');
    m.dispose();
  });
});
