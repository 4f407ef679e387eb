import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { meanAbsoluteError } from './mean-absolute-error.js';
import { evaluate, numericGradient, take } from './test/helpers.js';

// Per sample: mean(|[0, 2]|) = 1 and mean(|[-3, 0.5]|) = 1.75.
const yTrue = tf.tensor2d([[1, 2], [3, 4]]);
const yPred = tf.tensor2d([[1, 4], [0, 4.5]]);

describe('meanAbsoluteError', () => {
  it('averages |yPred - yTrue| over the last axis per sample, then reduces', () => {
    expectAllClose(evaluate(() => meanAbsoluteError(yTrue, yPred)), [1.375]);
    expectAllClose(evaluate(() => meanAbsoluteError(yTrue, yPred, { reduction: 'sum' })), [2.75]);
    expectAllClose(evaluate(() => meanAbsoluteError(yTrue, yPred, { reduction: 'none' })), [1, 1.75]);
  });

  it('weights samples and divides by their count', () => {
    // (2 * 1 + 0 * 1.75) / 2 = 1.
    const weights = tf.tensor1d([2, 0]);
    expectAllClose(evaluate(() => meanAbsoluteError(yTrue, yPred, { sampleWeight: weights })), [1]);
    weights.dispose();
  });

  it('has the gradient sign(yPred - yTrue) / n, 0 at an exact match, as finite differences confirm', () => {
    const loss = (x: tf.Tensor): tf.Tensor => meanAbsoluteError(yTrue, x);
    const grad = take(tf.grad(loss)(yPred));
    expectAllClose(grad, [0, 0.25, -0.25, 0.25]);
    // Away from the kink at 0 the finite differences agree.
    expectAllClose(grad.slice(1), numericGradient(loss, yPred).slice(1), { abs: 1e-3, rel: 1e-2 });
  });

  it('leaves no tensors behind and names both shapes when they differ', () => {
    for (const reduction of ['mean', 'sum', 'none'] as const) {
      expectNoLeak(() => meanAbsoluteError(yTrue, yPred, { reduction }));
    }
    const other = tf.zeros([2, 3]);
    expect(() => meanAbsoluteError(yTrue, other)).toThrow('yTrue shape [2, 2] and yPred shape [2, 3] differ');
    other.dispose();
  });
});
