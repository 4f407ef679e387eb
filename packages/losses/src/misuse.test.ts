import * as tf from '@tensorflow/tfjs-core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  binaryCrossentropy,
  categoricalCrossentropy,
  getLoss,
  huber,
  meanAbsoluteError,
  meanSquaredError,
  sparseCategoricalCrossentropy,
} from './index.js';

const scalar = (t: tf.Tensor): number => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

/** Runs `fn`, which must throw `message`, and checks that the live tensor count is unchanged. */
function expectThrowsWithoutLeak(fn: () => unknown, message: string | RegExp): void {
  const before = tf.memory().numTensors;
  expect(fn).toThrow(message);
  expect(tf.memory().numTensors).toBe(before);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cross-entropies given logits as probabilities', () => {
  const oneHot = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
  const logits = tf.tensor2d([[2, -1, 0.5], [0.3, 1.7, -2]]);

  it('categorical: values outside [0, 1] are an error suggesting fromLogits, where they were clipped', () => {
    expectThrowsWithoutLeak(
      () => categoricalCrossentropy(oneHot, logits),
      'categoricalCrossentropy: yPred holds values from -2 to 2, outside [0, 1], so they are not probabilities; ' +
        'if yPred holds logits (no softmax applied), pass fromLogits: true',
    );
    // The same numbers as logits are fine, and equal the loss on their softmax.
    const fromLogits = scalar(categoricalCrossentropy(oneHot, logits, { fromLogits: true }));
    const probabilities = tf.softmax(logits);
    expect(scalar(categoricalCrossentropy(oneHot, probabilities))).toBeCloseTo(fromLogits, 5);
    probabilities.dispose();
    // NaN goes through as before: a NaN loss, not a logits error.
    const nan = tf.tensor2d([[Number.NaN, 0.5, 0.5], [1, 0, 0]]);
    expect(Number.isNaN(scalar(categoricalCrossentropy(oneHot, nan)))).toBe(true);
    nan.dispose();
  });

  it('categorical: rows in [0, 1] that do not sum to 1 (sigmoid outputs, wrong axis) are an error', () => {
    const sigmoids = tf.tensor2d([[0.9, 0.8, 0.1], [0.6, 0.3, 0.7]]);
    expectThrowsWithoutLeak(
      () => categoricalCrossentropy(oneHot, sigmoids),
      'categoricalCrossentropy: the rows of yPred along axis 1 sum to between 1.6 and 1.8, not 1 (within 0.001), so they are not probabilities',
    );
    const columns = tf.tensor2d([[0.1, 0.5], [0.8, 0.25], [0.1, 0.25]]);
    expectThrowsWithoutLeak(() => categoricalCrossentropy(columns, columns), 'along axis 1 sum to between 0.35 and 1.05, not 1');
    expect(scalar(categoricalCrossentropy(columns, columns, { axis: 0 }))).toBeGreaterThan(0);
    tf.dispose([sigmoids, columns]);
    // Rows within 1e-3 of 1 pass, and are rescaled as Keras does.
    const near = tf.tensor2d([[0.1, 0.8, 0.1004], [0.5, 0.25, 0.2496]]);
    const exact = tf.tensor2d([[0.1, 0.8, 0.1], [0.5, 0.25, 0.25]]);
    const [a, b] = [scalar(categoricalCrossentropy(oneHot, near)), scalar(categoricalCrossentropy(oneHot, exact))];
    expect(Math.abs(a - b)).toBeLessThan(1e-3);
    tf.dispose([near, exact]);
  });

  it('binary: values outside [0, 1] are an error suggesting fromLogits', () => {
    const y = tf.tensor2d([[1], [0]]);
    const x = tf.tensor2d([[3.5], [-0.2]]);
    expectThrowsWithoutLeak(
      () => binaryCrossentropy(y, x),
      'binaryCrossentropy: yPred holds values from -0.2 to 3.5, outside [0, 1], so they are not probabilities; ' +
        'if yPred holds logits (no sigmoid applied), pass fromLogits: true',
    );
    expect(scalar(binaryCrossentropy(y, x, { fromLogits: true }))).toBeGreaterThan(0);
    // Binary rows need not sum to 1: independent labels.
    const multi = tf.tensor2d([[0.9, 0.8], [0.7, 0.6]]);
    const both = tf.ones([2, 2]);
    expect(scalar(binaryCrossentropy(both, multi))).toBeGreaterThan(0);
    tf.dispose([y, x, multi, both]);
  });

  it('sparse: logits as probabilities are an error too', () => {
    const labels = tf.tensor1d([1, 0], 'int32');
    expectThrowsWithoutLeak(() => sparseCategoricalCrossentropy(labels, logits), 'sparseCategoricalCrossentropy: yPred holds values from -2 to 2');
    expect(scalar(sparseCategoricalCrossentropy(labels, logits, { fromLogits: true }))).toBeGreaterThan(0);
    labels.dispose();
  });

  it('through getLoss and inside tf.grad, without leaking or changing the gradient', () => {
    const loss = getLoss('categorical_crossentropy');
    expectThrowsWithoutLeak(() => loss(oneHot, logits), 'pass fromLogits: true');
    expectThrowsWithoutLeak(() => tf.grad((x: tf.Tensor) => binaryCrossentropy(oneHot, x))(logits), 'binaryCrossentropy: yPred holds values');
    expectThrowsWithoutLeak(() => tf.tidy(() => categoricalCrossentropy(oneHot, tf.mul(logits, 2))), 'from -4 to 4');
    expectThrowsWithoutLeak(() => tf.grad((x: tf.Tensor) => categoricalCrossentropy(oneHot, x))(logits), 'categoricalCrossentropy: yPred holds values');
    const labels = tf.tensor1d([1, 0], 'int32');
    expectThrowsWithoutLeak(() => tf.grad((x: tf.Tensor) => sparseCategoricalCrossentropy(labels, x))(logits), 'sparseCategoricalCrossentropy: yPred holds values');
    labels.dispose();
    // On probabilities, the check leaves the gradient as it was.
    const probabilities = tf.softmax(logits);
    const grad = (checkProbabilities: boolean) => {
      const g = tf.grad((x: tf.Tensor) => categoricalCrossentropy(oneHot, x, { checkProbabilities }))(probabilities);
      const values = Array.from(g.dataSync());
      g.dispose();
      return values;
    };
    const before = tf.memory().numTensors;
    expect(grad(true)).toEqual(grad(false));
    expect(tf.memory().numTensors).toBe(before);
    probabilities.dispose();
  });

  it('reads back one small reduction per call, and nothing with fromLogits or the check off', () => {
    const probabilities = tf.softmax(logits);
    const readSync = vi.spyOn(tf.backend(), 'readSync');
    tf.dispose(categoricalCrossentropy(oneHot, probabilities));
    expect(readSync).toHaveBeenCalledTimes(1);
    tf.dispose(binaryCrossentropy(oneHot, probabilities));
    expect(readSync).toHaveBeenCalledTimes(2);
    tf.dispose(categoricalCrossentropy(oneHot, logits, { fromLogits: true }));
    tf.dispose(binaryCrossentropy(oneHot, logits, { fromLogits: true }));
    tf.dispose(categoricalCrossentropy(oneHot, logits, { checkProbabilities: false }));
    expect(readSync).toHaveBeenCalledTimes(2);
    vi.restoreAllMocks();
    probabilities.dispose();
  });

  afterAll(() => tf.dispose([oneHot, logits]));
});

describe('loss options', () => {
  const y = tf.tensor2d([[0, 1], [1, 0]]);
  const p = tf.tensor2d([[0.3, 0.7], [0.6, 0.4]]);

  it('unknown options are errors with a did-you-mean hint', () => {
    expectThrowsWithoutLeak(
      () => categoricalCrossentropy(y, p, { from_logits: true } as never),
      "categoricalCrossentropy: unknown option 'from_logits' (did you mean 'fromLogits'?); the options are reduction, sampleWeight, axis, fromLogits, labelSmoothing, checkProbabilities",
    );
    expectThrowsWithoutLeak(() => binaryCrossentropy(y, p, { label_smoothing: 0.1 } as never), "(did you mean 'labelSmoothing'?)");
    const labels = tf.tensor1d([1, 0]);
    expectThrowsWithoutLeak(() => sparseCategoricalCrossentropy(labels, p, { checklabels: false } as never), "(did you mean 'checkLabels'?)");
    labels.dispose();
    expectThrowsWithoutLeak(() => meanSquaredError(y, p, { reductions: 'sum' } as never), "meanSquaredError: unknown option 'reductions' (did you mean 'reduction'?)");
    expectThrowsWithoutLeak(() => meanAbsoluteError(y, p, { weights: y } as never), "meanAbsoluteError: unknown option 'weights'");
    expectThrowsWithoutLeak(() => huber(y, p, { delt: 2 } as never), "huber: unknown option 'delt' (did you mean 'delta'?)");
  });

  it('getLoss checks options when it resolves the name, not at the first call', () => {
    expect(() => getLoss('categorical-crossentropy', { from_logits: true })).toThrow(
      "categoricalCrossentropy: unknown option 'from_logits' (did you mean 'fromLogits'?)",
    );
    expect(() => getLoss('huber', { delta: 1, reducton: 'sum' })).toThrow("huber: unknown option 'reducton' (did you mean 'reduction'?)");
    expect(() => getLoss('mse', { fromLogits: true })).toThrow("meanSquaredError: unknown option 'fromLogits'");
    expect(() => getLoss('binary_crossentropy', { fromLogits: 'yes' })).toThrow('binaryCrossentropy: fromLogits must be true or false; got "yes"');
  });

  it('values are checked, naming the option and what it allows', () => {
    expectThrowsWithoutLeak(() => categoricalCrossentropy(y, p, { fromLogits: 1 } as never), 'categoricalCrossentropy: fromLogits must be true or false; got 1');
    expectThrowsWithoutLeak(
      () => meanSquaredError(y, p, { sampleWeight: [1, 2] } as never),
      'meanSquaredError: sampleWeight must be a tf.Tensor; got [1, 2]',
    );
    expectThrowsWithoutLeak(() => binaryCrossentropy(y, p, { checkProbabilities: 'no' } as never), 'binaryCrossentropy: checkProbabilities must be true or false');
    expectThrowsWithoutLeak(() => categoricalCrossentropy(y, p, null as never), 'categoricalCrossentropy: options must be an object; got null');
  });

  afterAll(() => tf.dispose([y, p]));
});
