import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy.js';
import fixture from './fixtures/accuracy.json' with { type: 'json' };

function value(scalar: tf.Scalar): number {
  const v = scalar.dataSync()[0]!;
  scalar.dispose();
  return v;
}

describe('accuracy', () => {
  it('compares labels with labels', () => {
    // 3 of 4 equal: 0.75.
    expect(value(accuracy([0, 1, 2, 3], [0, 1, 2, 0]))).toBe(0.75);
    const yTrue = tf.tensor1d([1, 1, 0], 'int32');
    // 2 of 3 equal; the float32 nearest 2/3, not a sum of three rounded thirds.
    expect(value(accuracy(yTrue, [1, 0, 0]))).toBe(Math.fround(2 / 3));
    yTrue.dispose();
  });

  it('compares one-hot targets with probabilities and with logits', () => {
    const oneHot = tf.tensor2d([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]]);
    // argmax 0, 1, 1, 2 against 0, 1, 2, 2: 3 of 4.
    const probabilities = tf.tensor2d([[0.8, 0.1, 0.1], [0.2, 0.5, 0.3], [0.1, 0.6, 0.3], [0, 0.4, 0.6]]);
    // argmax 2, 1, 2, 0: 2 of 4.
    const logits = tf.tensor2d([[-1, 0, 3], [0, 2, -5], [1, 1.5, 2], [9, -2, 0]]);
    expect(value(accuracy(oneHot, probabilities))).toBe(0.75);
    expect(value(accuracy(oneHot, logits))).toBe(0.5);
    tf.dispose([oneHot, probabilities, logits]);
  });

  it('thresholds binary probabilities at 0.5 or the threshold option', () => {
    const p = tf.tensor2d([[0.9], [0.5], [0.4], [0.2]]);
    // p > 0.5 gives 1, 0, 0, 0 against 1, 1, 0, 1: 2 of 4.
    expect(value(accuracy([1, 1, 0, 1], p))).toBe(0.5);
    // p > 0.3 gives 1, 1, 1, 0: 2 of 4, different ones.
    expect(value(accuracy([1, 1, 0, 1], p, { threshold: 0.3 }))).toBe(0.5);
    // p > 0.1 gives 1, 1, 1, 1: 3 of 4.
    expect(value(accuracy([1, 1, 0, 1], p, { threshold: 0.1 }))).toBe(0.75);
    p.dispose();
  });

  it('returns a float32 scalar in [0, 1]', () => {
    const out = accuracy([1, 2], [1, 2]);
    expect(out.dtype).toBe('float32');
    expect(out.shape).toEqual([]);
    expect(value(out)).toBe(1);
  });

  it("equals scikit-learn's accuracy_score", () => {
    for (const c of fixture.cases) {
      const yTrue = tf.tensor(c.yTrue);
      const yPred = tf.tensor(c.yPred);
      const options = 'threshold' in c ? { threshold: c.threshold } : {};
      expect(value(accuracy(yTrue, yPred, options)), c.name).toBe(Math.fround(c.expected));
      tf.dispose([yTrue, yPred]);
    }
  });

  it('rejects empty input and mismatched sizes, naming both shapes', () => {
    const empty = tf.zeros([0, 10]);
    const scores = tf.zeros([4, 10]);
    const fewerClasses = tf.zeros([4, 5]);
    expect(() => accuracy([], empty)).toThrow('accuracy: yTrue and yPred are empty (yTrue shape [0], yPred shape [0, 10])');
    expect(() => accuracy([1, 2, 3], scores)).toThrow(
      'accuracy: yTrue has 3 samples but yPred has 4 (yTrue shape [3], yPred shape [4, 10])',
    );
    expect(() => accuracy(scores, fewerClasses)).toThrow('accuracy: yTrue has 10 classes but yPred has 5');
    const scalar = tf.scalar(1);
    expect(() => accuracy(scalar, [1])).toThrow('accuracy: yTrue must be 1-D labels');
    tf.dispose([empty, scores, fewerClasses, scalar]);
  });

  it('leaks no tensors', () => {
    const yTrue = tf.tensor1d([0, 2, 1], 'int32');
    const yPred = tf.tensor2d([[0.5, 0.2, 0.3], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]]);
    const before = tf.memory().numTensors;
    expect(leaked(() => accuracy(yTrue, yPred))).toBe(0);
    expect(leaked(() => accuracy([1, 0], [0.7, 0.2]))).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([yTrue, yPred]);
  });
});
