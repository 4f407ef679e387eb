// Misuse of the weighting options: each error names the loss, the option and what would fit, and
// leaves no tensor behind. The numbers themselves are checked against PyTorch in
// torch-weights.test.ts.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { binaryCrossentropy, categoricalCrossentropy, getLoss, sparseCategoricalCrossentropy } from './index.js';

function expectThrowsWithoutLeak(fn: () => unknown, message: string | RegExp): void {
  const before = tf.memory().numTensors;
  expect(fn).toThrow(message);
  expect(tf.memory().numTensors).toBe(before);
}

describe('weighting options', () => {
  const labels = tf.tensor1d([2, 0], 'int32');
  const oneHot = tf.tensor2d([[0, 0, 1], [1, 0, 0]]);
  const logits = tf.tensor2d([[2, -1, 0.5], [0.3, 1.7, -2]]);

  it('classWeight needs one weight per class', () => {
    const wrong = tf.tensor1d([1, 2]);
    expectThrowsWithoutLeak(
      () => sparseCategoricalCrossentropy(labels, logits, { fromLogits: true, classWeight: wrong }),
      'sparseCategoricalCrossentropy: classWeight shape [2] does not fit 3 classes; give one weight per class, shape [3]',
    );
    expectThrowsWithoutLeak(
      () => categoricalCrossentropy(oneHot, logits, { fromLogits: true, classWeight: wrong }),
      'categoricalCrossentropy: classWeight shape [2] does not fit 3 classes',
    );
    expect(() => getLoss('sparse_categorical_crossentropy', { classWeight: [1, 2, 3] })).toThrow(/classWeight/);
    wrong.dispose();
  });

  it('classWeight and sampleWeight together are an error', () => {
    const w = tf.ones([3]);
    const s = tf.ones([2]);
    for (const [loss, target] of [
      [sparseCategoricalCrossentropy, labels],
      [categoricalCrossentropy, oneHot],
    ] as const) {
      expectThrowsWithoutLeak(
        () => loss(target, logits, { fromLogits: true, classWeight: w, sampleWeight: s }),
        /give classWeight or sampleWeight, not both/,
      );
    }
    tf.dispose([w, s]);
  });

  it('classWeight of ones changes nothing; ignoreIndex lets its label through the label check', () => {
    const w = tf.ones([3], 'int32');
    const plain = sparseCategoricalCrossentropy(labels, logits, { fromLogits: true });
    const weighted = sparseCategoricalCrossentropy(labels, logits, { fromLogits: true, classWeight: w });
    expect(weighted.dataSync()[0]).toBeCloseTo(plain.dataSync()[0]!, 6);
    const ignored = tf.tensor1d([-100, 0], 'int32');
    expectThrowsWithoutLeak(() => sparseCategoricalCrossentropy(ignored, logits, { fromLogits: true }), 'label -100 at flat index 0');
    expectThrowsWithoutLeak(
      () => sparseCategoricalCrossentropy(ignored, logits, { fromLogits: true, ignoreIndex: -1 }),
      'label -100 at flat index 0 of yTrue is out of range; labels must be integers from 0 to 2 for 3 classes (or ignoreIndex -1)',
    );
    const second = sparseCategoricalCrossentropy(tf.tensor1d([0], 'int32'), tf.slice(logits, [1, 0], [1, 3]), { fromLogits: true });
    const kept = sparseCategoricalCrossentropy(ignored, logits, { fromLogits: true, ignoreIndex: -100 });
    expect(kept.dataSync()[0]).toBeCloseTo(second.dataSync()[0]!, 6);
    expect(() => sparseCategoricalCrossentropy(labels, logits, { ignoreIndex: 0.5 })).toThrow(/ignoreIndex/);
    tf.dispose([w, plain, weighted, ignored, second, kept]);
  });

  it('posWeight needs logits and a scalar or one weight per column', () => {
    const targets = tf.tensor2d([[1, 0, 1], [0, 1, 0]]);
    const probabilities = tf.sigmoid(logits);
    const scalar = tf.scalar(2);
    expectThrowsWithoutLeak(
      () => binaryCrossentropy(targets, probabilities, { posWeight: scalar }),
      'binaryCrossentropy: posWeight needs fromLogits: true (PyTorch has it only in BCEWithLogitsLoss)',
    );
    const wrong = tf.tensor1d([1, 2]);
    expectThrowsWithoutLeak(
      () => binaryCrossentropy(targets, logits, { fromLogits: true, posWeight: wrong }),
      'binaryCrossentropy: posWeight shape [2] does not fit yPred shape [2, 3]; give a scalar or shape [3]',
    );
    // posWeight 1 is the plain loss.
    const one = tf.scalar(1);
    const plain = binaryCrossentropy(targets, logits, { fromLogits: true });
    const weighted = binaryCrossentropy(targets, logits, { fromLogits: true, posWeight: one });
    expect(weighted.dataSync()[0]).toBeCloseTo(plain.dataSync()[0]!, 6);
    tf.dispose([targets, probabilities, scalar, wrong, one, plain, weighted]);
  });

  it('probabilityClipping is keras or torch, for probabilities only', () => {
    const targets = tf.tensor2d([[1, 0, 1], [0, 1, 0]]);
    const exact = tf.tensor2d([[0, 0, 1], [0, 1, 1]]);
    expectThrowsWithoutLeak(
      () => binaryCrossentropy(targets, logits, { fromLogits: true, probabilityClipping: 'torch' }),
      /probabilityClipping applies to probabilities/,
    );
    expect(() => getLoss('binary-crossentropy', { probabilityClipping: 'pytorch' })).toThrow(/probabilityClipping/);
    // One confident mistake per row of three: Keras costs -ln(1e-7) / 3 for p = 0 and, for p = 1,
    // -ln(1 - fround(1 - 1e-7)) = -ln(2^-23) ≈ 15.942 / 3 (float32); PyTorch 100 / 3 for both.
    const keras = binaryCrossentropy(targets, exact, { reduction: 'none' });
    const torch = binaryCrossentropy(targets, exact, { reduction: 'none', probabilityClipping: 'torch' });
    expect(Array.from(keras.dataSync()).map((v) => v * 3)).toEqual([expect.closeTo(16.118, 2), expect.closeTo(23 * Math.LN2, 4)]);
    expect(Array.from(torch.dataSync()).map((v) => v * 3)).toEqual([expect.closeTo(100, 4), expect.closeTo(100, 4)]);
    tf.dispose([targets, exact, keras, torch]);
  });
});
