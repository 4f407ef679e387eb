import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { categoricalCrossentropy } from './categorical-crossentropy.js';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';
import { evaluate, numericGradient, take } from './test/helpers.js';

const probabilities = tf.tensor2d([[0.1, 0.8, 0.1], [0.5, 0.25, 0.25]]);
const labels = tf.tensor1d([1, 0], 'int32');

describe('sparseCategoricalCrossentropy', () => {
  it('is -ln of the probability of the labelled class', () => {
    // -ln 0.8 and -ln 0.5, mean 0.45814537.
    expectAllClose(evaluate(() => sparseCategoricalCrossentropy(labels, probabilities)), [0.45814537]);
  });

  it('takes [batch, 1] labels and float labels, as Keras does', () => {
    const column = tf.tensor2d([[1], [0]]);
    expectAllClose(evaluate(() => sparseCategoricalCrossentropy(column, probabilities)), [0.45814537]);
    column.dispose();
  });

  it('equals categoricalCrossentropy on one-hot labels, with every option', () => {
    const logits = tf.tensor3d([[[1, -2], [0.5, 3], [2, 0]], [[0, 1], [-1, -1], [4, 2]]]); // (N, C=3, d=2)
    const sparse = tf.tensor2d([[2, 1], [0, 2]], [2, 2], 'int32');
    const oneHot = tf.tidy(() => tf.transpose(tf.oneHot(sparse, 3), [0, 2, 1]));
    const weights = tf.tensor2d([[1, 2], [0.5, 0]]);
    const options = { fromLogits: true, axis: 1, labelSmoothing: 0.1, reduction: 'none', sampleWeight: weights } as const;
    const expected = evaluate(() => categoricalCrossentropy(oneHot, logits, options));
    expectAllClose(evaluate(() => sparseCategoricalCrossentropy(sparse, logits, options)), expected);
    const loss = (x: tf.Tensor): tf.Tensor => sparseCategoricalCrossentropy(sparse, x, { fromLogits: true, axis: 1 });
    expectAllClose(take(tf.grad(loss)(logits)), numericGradient(loss, logits), { abs: 1e-3, rel: 1e-2 });
    expectNoLeak(() => sparseCategoricalCrossentropy(sparse, logits, options));
    expectNoLeak(() => tf.grad(loss)(logits));
    tf.dispose([logits, sparse, oneHot, weights]);
  });

  it('names the bad label and where it is', () => {
    const before = tf.memory().numTensors;
    const bad = tf.tensor1d([1, 3]);
    expect(() => sparseCategoricalCrossentropy(bad, probabilities)).toThrow(
      'sparseCategoricalCrossentropy: label 3 at flat index 1 of yTrue is out of range; labels must be integers from 0 to 2 for 3 classes',
    );
    const fractional = tf.tensor1d([0.5, 1]);
    expect(() => sparseCategoricalCrossentropy(fractional, probabilities)).toThrow('label 0.5 at flat index 0');
    const negative = tf.tensor1d([0, -1], 'int32');
    expect(() => sparseCategoricalCrossentropy(negative, probabilities)).toThrow('label -1 at flat index 1');
    tf.dispose([bad, fractional, negative]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names both shapes when the labels do not fit', () => {
    const oneHot = tf.zeros([2, 3]);
    expect(() => sparseCategoricalCrossentropy(oneHot, probabilities)).toThrow(
      'sparseCategoricalCrossentropy: yTrue shape [2, 3] does not fit yPred shape [2, 3]; labels need shape [2] (or [2, 1]) for class axis 1',
    );
    oneHot.dispose();
  });
});
