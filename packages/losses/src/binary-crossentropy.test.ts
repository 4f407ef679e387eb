import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { binaryCrossentropy } from './binary-crossentropy.js';
import { evaluate, numericGradient, take } from './test/helpers.js';

const t = (values: number[][]): tf.Tensor2D => tf.tensor2d(values);

describe('binaryCrossentropy from probabilities', () => {
  it('is -(y ln p + (1 - y) ln(1 - p)), averaged over the last axis', () => {
    // -ln 0.8 = 0.22314355 and -ln(1 - 0.4) = 0.51082562; mean 0.36698459.
    expectAllClose(evaluate(() => binaryCrossentropy(t([[1, 0]]), t([[0.8, 0.4]]))), [0.36698459]);
  });

  it('clips to [1e-7, 1 - 1e-7], so a certain mistake costs -ln(1e-7) = 16.118095', () => {
    expectAllClose(evaluate(() => binaryCrossentropy(t([[1]]), t([[0]]))), [16.118095]);
    // 1 - float32(1 - 1e-7) = 1.1920929e-7: -ln of that is 15.942385.
    expectAllClose(evaluate(() => binaryCrossentropy(t([[0]]), t([[1]]))), [15.942385]);
  });

  it('smooths labels towards 0.5', () => {
    // labelSmoothing 0.2: y = 1 becomes 0.9: -(0.9 ln 0.8 + 0.1 ln 0.2) = 0.36177069.
    expectAllClose(evaluate(() => binaryCrossentropy(t([[1]]), t([[0.8]]), { labelSmoothing: 0.2 })), [0.36177069]);
  });
});

describe('binaryCrossentropy from logits', () => {
  it('equals the loss on sigmoid(logits), and stays finite for huge logits', () => {
    // softplus(x) - x y: x = 0 gives ln 2 for any y; x = 1000, y = 0 gives 1000; x = -1000, y = 0 gives 0.
    const loss = evaluate(() =>
      binaryCrossentropy(t([[0, 0, 1]]), t([[0, 1000, -1000]]), { fromLogits: true, reduction: 'none' }),
    );
    expectAllClose(loss, [(Math.LN2 + 1000 + 1000) / 3]);
  });

  it('has the gradient (sigmoid(x) - y) / n', () => {
    const [y, x] = [t([[1, 0], [0, 1]]), t([[0.5, -1], [2, 3]])];
    const loss = (v: tf.Tensor): tf.Tensor => binaryCrossentropy(y, v, { fromLogits: true });
    const analytic = take(tf.tidy(() => tf.div(tf.sub(tf.sigmoid(x), y), 4)));
    const grad = take(tf.grad(loss)(x));
    expectAllClose(grad, analytic);
    expectAllClose(grad, numericGradient(loss, x), { abs: 1e-3, rel: 1e-2 });
    tf.dispose([y, x]);
  });
});

describe('binaryCrossentropy memory and errors', () => {
  it('leaves no tensors behind on any path', () => {
    const [y, p] = [t([[1, 0]]), t([[0.3, 0.6]])];
    for (const fromLogits of [false, true]) {
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        expectNoLeak(() => binaryCrossentropy(y, p, { fromLogits, reduction, labelSmoothing: 0.1 }));
      }
      expectNoLeak(() => tf.grad((x: tf.Tensor) => binaryCrossentropy(y, x, { fromLogits }))(p));
    }
    tf.dispose([y, p]);
  });

  it('names both shapes, and refuses a bad labelSmoothing', () => {
    const [y, p] = [tf.zeros([4, 1]), tf.zeros([4])];
    expect(() => binaryCrossentropy(y, p)).toThrow('binaryCrossentropy: yTrue shape [4, 1] and yPred shape [4] differ');
    expect(() => binaryCrossentropy(y, y, { labelSmoothing: 1.5 })).toThrow(
      'binaryCrossentropy: labelSmoothing must be a number in [0, 1]; got 1.5',
    );
    tf.dispose([y, p]);
  });
});
