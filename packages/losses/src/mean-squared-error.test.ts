import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { meanSquaredError } from './mean-squared-error.js';
import { evaluate, numericGradient, take } from './test/helpers.js';

// Per sample: mean([0, 2]^2) = (0 + 4) / 2 = 2 and mean([3, 0]^2) = (9 + 0) / 2 = 4.5.
const yTrue = tf.tensor2d([[1, 2], [3, 4]]);
const yPred = tf.tensor2d([[1, 4], [0, 4]]);

describe('meanSquaredError', () => {
  it('averages over the last axis per sample, then reduces', () => {
    expectAllClose(evaluate(() => meanSquaredError(yTrue, yPred)), [3.25]); // (2 + 4.5) / 2
    expectAllClose(evaluate(() => meanSquaredError(yTrue, yPred, { reduction: 'sum' })), [6.5]);
    const none = meanSquaredError(yTrue, yPred, { reduction: 'none' });
    expect(none.shape).toEqual([2]);
    expectAllClose(take(none), [2, 4.5]);
  });

  it('treats a rank-1 input as one sample', () => {
    // mean([1, 0, 2]^2) = 5 / 3; 'none' is then a scalar, as in Keras.
    const [a, b] = [tf.tensor1d([1, 2, 3]), tf.tensor1d([2, 2, 5])];
    const none = meanSquaredError(a, b, { reduction: 'none' });
    tf.dispose([a, b]);
    expect(none.shape).toEqual([]);
    expectAllClose(take(none), [5 / 3]);
  });

  it("keeps the leading axes of higher-rank inputs under 'none'", () => {
    const none = tf.tidy(() => meanSquaredError(tf.zeros([2, 3, 4]), tf.ones([2, 3, 4]), { reduction: 'none' }));
    expect(none.shape).toEqual([2, 3]);
    expectAllClose(take(none), [1, 1, 1, 1, 1, 1]);
  });

  it('has the gradient 2 (yPred - yTrue) / n, which finite differences confirm', () => {
    // n = 4 elements: 2 * [0, 2, -3, 0] / 4 = [0, 1, -1.5, 0].
    const loss = (x: tf.Tensor): tf.Tensor => meanSquaredError(yTrue, x);
    const grad = take(tf.grad(loss)(yPred));
    expectAllClose(grad, [0, 1, -1.5, 0]);
    expectAllClose(grad, numericGradient(loss, yPred), { abs: 1e-3, rel: 1e-2 });
  });

  it('leaves no tensors behind', () => {
    const intTargets = tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32');
    for (const reduction of ['mean', 'sum', 'none'] as const) {
      expectNoLeak(() => meanSquaredError(yTrue, yPred, { reduction }));
      expectNoLeak(() => meanSquaredError(intTargets, yPred, { reduction }));
    }
    expectNoLeak(() => tf.grad((x: tf.Tensor) => meanSquaredError(yTrue, x))(yPred));
    intTargets.dispose();
  });

  it('names both shapes when they differ, and checks the reduction', () => {
    const column = tf.zeros([2, 1]);
    const before = tf.memory().numTensors;
    expect(() => meanSquaredError(yTrue, column)).toThrow(
      'meanSquaredError: yTrue shape [2, 2] and yPred shape [2, 1] differ',
    );
    // @ts-expect-error: configs are plain JSON, so the run-time check matters.
    expect(() => meanSquaredError(yTrue, yPred, { reduction: 'batch' })).toThrow('unknown reduction "batch"');
    expect(tf.memory().numTensors).toBe(before);
    column.dispose();
  });
});
