import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { categoricalCrossentropy } from './categorical-crossentropy.js';
import { evaluate, numericGradient, take } from './test/helpers.js';

const t = (values: number[][]): tf.Tensor2D => tf.tensor2d(values);

describe('categoricalCrossentropy from probabilities', () => {
  it('is -ln of the probability of the true class, as a scalar', () => {
    // Only the true class counts: -(0*ln 0.1 + 1*ln 0.8 + 0*ln 0.1) = -ln 0.8 = 0.22314355.
    expectAllClose(evaluate(() => categoricalCrossentropy(t([[0, 1, 0]]), t([[0.1, 0.8, 0.1]]))), [0.22314355]);
    const loss = tf.tidy(() => categoricalCrossentropy(t([[1]]), t([[1]])));
    expect(loss.shape).toEqual([]);
    loss.dispose();
  });

  it('renormalises predictions to sum to 1 along the class axis, as Keras does (with the probability check off)', () => {
    // [0.2, 1.6, 0.2] sums to 2 and becomes [0.1, 0.8, 0.1]: again -ln 0.8. Checked, it is an error.
    const options = { checkProbabilities: false };
    expectAllClose(evaluate(() => categoricalCrossentropy(t([[0, 1, 0]]), t([[0.2, 1.6, 0.2]]), options)), [0.22314355]);
  });

  it('clips a zero probability to 1e-7, so the loss is -ln(1e-7) = 16.118095, not infinity', () => {
    expectAllClose(evaluate(() => categoricalCrossentropy(t([[0, 1, 0]]), t([[0.5, 0, 0.5]]))), [16.118095]);
  });

  it('clips a certain prediction to 1 - 1e-7, which float32 rounds to 1 - 2^-23', () => {
    // float32(1 - 1e-7) = 0.99999988 = 1 - 1.1920929e-7, and -ln(1 - x) ≈ x for tiny x; Keras
    // gives the same 1.1920929e-7 for a perfect prediction.
    const loss = evaluate(() => categoricalCrossentropy(t([[0, 1, 0]]), t([[0, 1, 0]])));
    expectAllClose(loss, [1.1920929e-7], { abs: 1e-13, rel: 0 });
  });

  it('takes soft labels', () => {
    // -(0.25 ln 0.5 + 0.75 ln 0.5) = ln 2 = 0.69314718.
    expectAllClose(evaluate(() => categoricalCrossentropy(t([[0.25, 0.75]]), t([[0.5, 0.5]]))), [Math.LN2]);
  });

  it('accepts int32 one-hot targets', () => {
    const labels = (): tf.Tensor => tf.tensor2d([[0, 1, 0]], [1, 3], 'int32');
    const loss = evaluate(() => categoricalCrossentropy(labels(), t([[0.1, 0.8, 0.1]])));
    expectAllClose(loss, [0.22314355]);
  });

  it('reduces over another class axis when asked', () => {
    // The two samples of the reduction tests as columns: axis 0 gives [-ln 0.8, -ln 0.5].
    const loss = evaluate(() =>
      categoricalCrossentropy(t([[0, 1], [1, 0], [0, 0]]), t([[0.1, 0.5], [0.8, 0.25], [0.1, 0.25]]), {
        axis: 0,
        reduction: 'none',
      }),
    );
    expectAllClose(loss, [0.22314355, Math.LN2]);
  });
});

describe('categoricalCrossentropy reductions', () => {
  // Per-sample losses: -ln 0.8 = 0.22314355 and -ln 0.5 = 0.69314718.
  const cases = [
    ['none', [2], [0.22314355, Math.LN2]],
    ['mean', [], [0.45814537]], // (0.22314355 + 0.69314718) / 2
    ['sum', [], [0.91629073]],
  ] as const;

  for (const [reduction, shape, expected] of cases) {
    it(`'${reduction}' gives shape [${shape.join(', ')}]`, () => {
      const loss = tf.tidy(() =>
        categoricalCrossentropy(t([[0, 1, 0], [1, 0, 0]]), t([[0.1, 0.8, 0.1], [0.5, 0.25, 0.25]]), { reduction }),
      );
      expect(loss.shape).toEqual(shape);
      expectAllClose(take(loss), expected);
    });
  }
});

describe('categoricalCrossentropy from logits', () => {
  it('equals the loss on softmax(logits) for moderate logits', () => {
    const yTrue = t([[0, 0, 1], [0.2, 0.5, 0.3]]);
    const logits = t([[2, -1, 0.5], [0.3, 1.7, -2]]);
    const perSample = { reduction: 'none' } as const;
    const fromLogits = evaluate(() => categoricalCrossentropy(yTrue, logits, { ...perSample, fromLogits: true }));
    const fromProbabilities = evaluate(() => categoricalCrossentropy(yTrue, tf.softmax(logits), perSample));
    expectAllClose(fromLogits, fromProbabilities, { abs: 1e-6, rel: 1e-5 });
    // First row by hand: log_softmax([2, -1, 0.5])[2] = 0.5 - ln(e^2 + e^-1 + e^0.5) = -1.7413113.
    expectAllClose(fromLogits.slice(0, 1), [1.7413113]);
    tf.dispose([yTrue, logits]);
  });

  it('stays finite on logits like [1000, -1000], and so does its gradient', () => {
    // log_softmax([1000, -1000]) = [0, -2000]: the wrong class costs 2000, the right one 0.
    const logits = t([[1000, -1000], [1000, -1000]]);
    const yTrue = t([[0, 1], [1, 0]]);
    const perSample = evaluate(() => categoricalCrossentropy(yTrue, logits, { fromLogits: true, reduction: 'none' }));
    expectAllClose(perSample, [2000, 0]);
    // d(mean loss)/d(logits) = (softmax - yTrue) / batch = ([1, 0] - yTrue) / 2.
    const grad = tf.grad((x: tf.Tensor) => categoricalCrossentropy(yTrue, x, { fromLogits: true }))(logits);
    expectAllClose(take(grad), [0.5, -0.5, 0, 0]);
    tf.dispose([logits, yTrue]);
  });
});

// Shared by the gradient, memory and error tests below.
const target = tf.tensor2d([[0, 1, 0], [0.3, 0.3, 0.4]]);
const prediction = tf.tensor2d([[0.2, 0.5, 0.3], [0.1, 0.6, 0.3]]);

describe('categoricalCrossentropy gradients', () => {
  it('from probabilities match central finite differences', () => {
    // Finite differences step 1e-2 off the simplex, past the probability check's tolerance.
    const loss = (x: tf.Tensor): tf.Tensor => categoricalCrossentropy(target, x, { checkProbabilities: false });
    expectAllClose(take(tf.grad(loss)(prediction)), numericGradient(loss, prediction), { abs: 1e-3, rel: 1e-2 });
  });

  it('from logits are (softmax(logits) - yTrue) / batch, and match finite differences', () => {
    const loss = (x: tf.Tensor): tf.Tensor => categoricalCrossentropy(target, x, { fromLogits: true });
    const analytic = take(tf.tidy(() => tf.div(tf.sub(tf.softmax(prediction), target), 2)));
    const grad = take(tf.grad(loss)(prediction));
    expectAllClose(grad, analytic, { abs: 1e-6, rel: 1e-5 });
    expectAllClose(grad, numericGradient(loss, prediction), { abs: 1e-3, rel: 1e-2 });
  });
});

describe('categoricalCrossentropy memory and errors', () => {
  it('leaves no tensors behind on any path', () => {
    const labels = tf.tensor2d([[0, 1, 0], [1, 0, 0]], [2, 3], 'int32');
    for (const fromLogits of [false, true]) {
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        expectNoLeak(() => categoricalCrossentropy(target, prediction, { fromLogits, reduction }));
        expectNoLeak(() => categoricalCrossentropy(labels, prediction, { fromLogits, reduction, axis: 1 }));
      }
      expectNoLeak(() => tf.grad((x: tf.Tensor) => categoricalCrossentropy(target, x, { fromLogits }))(prediction));
    }
    labels.dispose();
  });

  it('names both shapes when they differ', () => {
    const other = tf.zeros([2, 4]);
    expect(() => categoricalCrossentropy(target, other)).toThrow(
      'categoricalCrossentropy: yTrue shape [2, 3] and yPred shape [2, 4] differ',
    );
    other.dispose();
  });

  it('refuses a bad axis, reduction or scalar inputs without leaking', () => {
    const before = tf.memory().numTensors;
    expect(() => categoricalCrossentropy(target, prediction, { axis: 2 })).toThrow(
      'axis 2 is out of range for inputs of rank 2',
    );
    expect(() => categoricalCrossentropy(target, prediction, { axis: 0.5 })).toThrow('axis 0.5');
    // @ts-expect-error: configs are plain JSON, so the run-time check matters.
    expect(() => categoricalCrossentropy(target, prediction, { reduction: 'avg' })).toThrow(
      'unknown reduction "avg"; valid reductions are mean, sum, none',
    );
    const scalar = tf.scalar(1);
    expect(() => categoricalCrossentropy(scalar, scalar)).toThrow('inputs are scalars');
    scalar.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('categoricalCrossentropy labelSmoothing and sampleWeight', () => {
  it('mixes the targets with the uniform distribution', () => {
    // labelSmoothing 0.3 over 3 classes: [0, 1, 0] becomes [0.1, 0.8, 0.1];
    // -(0.1 ln 0.1 + 0.8 ln 0.8 + 0.1 ln 0.1) = 0.63903793.
    const loss = evaluate(() => categoricalCrossentropy(t([[0, 1, 0]]), t([[0.1, 0.8, 0.1]]), { labelSmoothing: 0.3 }));
    expectAllClose(loss, [0.63903793]);
  });

  it('weights per-sample losses, and the mean divides by the sample count', () => {
    // (3 * 0.22314355 + 1 * 0.69314718) / 2 = 0.68128891; 'none' gives the weighted losses.
    const weights = tf.tensor1d([3, 1]);
    const [yTrue, yPred] = [t([[0, 1, 0], [1, 0, 0]]), t([[0.1, 0.8, 0.1], [0.5, 0.25, 0.25]])];
    expectAllClose(evaluate(() => categoricalCrossentropy(yTrue, yPred, { sampleWeight: weights })), [0.68128891]);
    const column = tf.tensor2d([[3], [1]]);
    const none = evaluate(() => categoricalCrossentropy(yTrue, yPred, { sampleWeight: column, reduction: 'none' }));
    expectAllClose(none, [0.66943065, Math.LN2]);
    const wrong = tf.tensor1d([1, 2, 3]);
    const before = tf.memory().numTensors;
    expect(() => categoricalCrossentropy(yTrue, yPred, { sampleWeight: wrong })).toThrow(
      'categoricalCrossentropy: sampleWeight shape [3] does not fit the per-sample losses of shape [2]',
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([weights, yTrue, yPred, column, wrong]);
  });
});
