import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { huber } from './huber.js';
import { evaluate, numericGradient, take } from './test/helpers.js';

// Errors d = yPred - yTrue: [0.5, -2] and [1, 3].
const yTrue = tf.tensor2d([[0, 0], [1, 1]]);
const yPred = tf.tensor2d([[0.5, -2], [2, 4]]);

describe('huber', () => {
  it('is quadratic up to delta and linear beyond', () => {
    // delta 1: 0.5 * 0.25 = 0.125; 1 * (2 - 0.5) = 1.5; 0.5 * 1 = 0.5; 3 - 0.5 = 2.5.
    // Per sample: (0.125 + 1.5) / 2 = 0.8125 and (0.5 + 2.5) / 2 = 1.5.
    expectAllClose(evaluate(() => huber(yTrue, yPred, { reduction: 'none' })), [0.8125, 1.5]);
    expectAllClose(evaluate(() => huber(yTrue, yPred)), [1.15625]);
  });

  it('takes delta: with delta 2, |d| = 2 is still quadratic', () => {
    // 0.125; 0.5 * 4 = 2; 0.5; 2 * (3 - 1) = 4. Per sample 1.0625 and 2.25.
    expectAllClose(evaluate(() => huber(yTrue, yPred, { delta: 2, reduction: 'none' })), [1.0625, 2.25]);
  });

  it('has the gradient d inside and delta sign(d) outside, over n', () => {
    const loss = (x: tf.Tensor): tf.Tensor => huber(yTrue, x);
    const grad = take(tf.grad(loss)(yPred));
    expectAllClose(grad, [0.125, -0.25, 0.25, 0.25]);
    expectAllClose(grad, numericGradient(loss, yPred), { abs: 1e-3, rel: 1e-2 });
  });

  it('leaves no tensors behind and refuses a bad delta', () => {
    expectNoLeak(() => huber(yTrue, yPred, { reduction: 'none' }));
    expectNoLeak(() => tf.grad((x: tf.Tensor) => huber(yTrue, x))(yPred));
    expect(() => huber(yTrue, yPred, { delta: 0 })).toThrow('huber: delta must be a finite number > 0; got 0');
  });
});
