import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import {
  accuracy,
  classificationReport,
  confusionMatrix,
  f1,
  fbeta,
  formatConfusionMatrix,
  matthewsCorrcoef,
  multilabelConfusionMatrix,
  precision,
  recall,
  topKAccuracy,
} from './index.js';
import { formatFixed } from './format-fixed.js';
import { mismatch } from './test/close.js';

describe('functional scores', () => {
  it("give scikit-learn's docstring numbers", () => {
    const t = [0, 1, 2, 0, 1, 2];
    const p = [0, 2, 1, 0, 0, 1];
    expect(precision(t, p, { average: 'macro' })).toBeCloseTo(0.2222222222222222, 15);
    expect(recall(t, p, { average: 'micro' })).toBeCloseTo(1 / 3, 15);
    expect(f1(t, p, { average: 'weighted' })).toBeCloseTo(0.26666666666666666, 15);
    expect(mismatch(fbeta(t, p, { average: 'none', beta: 0.5 }), [5 / 7, 0, 0], 1e-15)).toBeNull();
    expect(matthewsCorrcoef([1, 1, 1, 0], [1, 0, 1, 1])).toBeCloseTo(-1 / 3, 15);
    expect(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2])).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
  });

  it('read tensors, one-hot rows, logits and multilabel indicators', () => {
    const logits = tf.tensor2d([[2, -1, 0], [0, 3, 1], [0, 0, 5]]);
    expect(precision([[1, 0, 0], [0, 1, 0], [0, 1, 0]], logits, { average: 'micro' })).toBeCloseTo(2 / 3, 15);
    const yTrue = tf.tensor2d([[1, 0, 1], [0, 1, 0]], [2, 3], 'int32');
    const probabilities = tf.tensor2d([[0.9, 0.2, 0.1], [0.3, 0.8, 0.7]]);
    expect(multilabelConfusionMatrix(yTrue, probabilities, { task: 'multilabel' })).toEqual([
      [[1, 0], [0, 1]],
      [[1, 0], [0, 1]],
      [[0, 1], [1, 0]],
    ]);
    const subset = accuracy(yTrue, probabilities, { task: 'multilabel' });
    expect(subset.dataSync()[0]).toBe(0);
    expect(leaked(() => f1(yTrue, probabilities, { task: 'multilabel', average: 'macro' }))).toBe(0);
    tf.dispose([logits, yTrue, probabilities, subset]);
  });

  it('warn as scikit-learn does with zeroDivision warn, and not with 0 or 1', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(precision([0, 1, 2], [0, 0, 1], { average: 'macro' })).toBeCloseTo(0.5 / 3, 15);
    expect(warn).toHaveBeenCalledWith(
      'precision: Precision is ill-defined and being set to 0.0 in labels with no predicted samples. Use `zeroDivision` parameter to control this behavior.',
    );
    warn.mockClear();
    expect(precision([0, 1, 2], [0, 0, 1], { average: 'macro', zeroDivision: 1 })).toBeCloseTo(1.5 / 3, 15);
    expect(warn).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('reject empty and mismatched input, bad options and bad data, naming them', () => {
    expect(() => precision([], [])).toThrow('precision: yTrue and yPred are empty (yTrue shape [0], yPred shape [0])');
    expect(() => recall([0, 1], [1])).toThrow('recall: yTrue has 2 samples but yPred has 1');
    expect(() => f1([0, 1, 2], [0, 1, 2])).toThrow(
      "f1: the target is multiclass (classes 0, 1, 2) but average is 'binary'; choose one of 'micro', 'macro', 'weighted', 'samples', 'none'",
    );
    expect(() => precision([0, 2], [2, 0])).toThrow('precision: posLabel 1 is not a class of the data; it should be one of 0, 2');
    expect(() => precision([0, 1], [0, 1], { zeroDivision: 2 as never })).toThrow("precision: zeroDivision must be 'warn', 0 or 1 (scikit-learn 1.2 has no NaN option); got 2");
    expect(() => precision([0, 1], [0, 1], { labels: [1, 1], average: 'macro' })).toThrow('precision: labels lists 1 twice');
    expect(() => fbeta([0, 1], [0, 1], {} as never)).toThrow('fbeta: beta must be a number >= 0; got undefined');
    expect(() => recall([0, 1, 2], [0, 1, 1], { task: 'binary' })).toThrow("recall: task 'binary' needs labels 0 and 1, but yTrue[2] is 2");
    expect(() => f1([[1, 0]], [0.3], { task: 'multilabel', average: 'micro' })).toThrow("task 'multilabel' needs [N, L]");
    expect(() => confusionMatrix([0, 1], [0, 1], { labels: [5] })).toThrow('none of labels 5 occurs in yTrue');
    expect(() => matthewsCorrcoef([[1, 0]], [[1, 0]], { task: 'multilabel' })).toThrow('multilabel data is not supported');
    // Binary 1-D scores are scikit-learn's binary top-k rule now (see the fixtures), not an error.
    expect(() => topKAccuracy([0, 1], [0.1, 0.9], { normalise: false } as never)).toThrow("topKAccuracy: unknown option 'normalise' (did you mean 'normalize'?)");
    expect(() => topKAccuracy([0], [[0.1, 0.9]], { k: 0 })).toThrow('topKAccuracy: k must be a positive integer; got 0');
    expect(() => precision([[1, 2], [3]], [0, 1], { average: 'micro' })).toThrow('yTrue[1] has 1 values but yTrue[0] has 2');
  });

  it('free every intermediate', () => {
    const y = tf.tensor1d([0, 1, 2, 1], 'int32');
    const p = tf.tensor2d([[0.5, 0.2, 0.3], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4], [0.6, 0.3, 0.1]]);
    expect(leaked(() => classificationReport(y, p).classes.length)).toBe(0);
    expect(leaked(() => confusionMatrix(y, p, { normalize: 'true' }).length)).toBe(0);
    expect(leaked(() => topKAccuracy(y, p))).toBe(0);
    tf.dispose([y, p]);
  });
});

describe('formatting', () => {
  it('rounds as Python does: exact ties to even', () => {
    expect([formatFixed(0.125, 2), formatFixed(0.375, 2), formatFixed(0.5, 0), formatFixed(1.5, 0), formatFixed(2 / 3, 2)]).toEqual([
      '0.12',
      '0.38',
      '0',
      '2',
      '0.67',
    ]);
    expect([formatFixed(0.1 + 0.2, 1), formatFixed(-0.125, 2), formatFixed(Number.NaN, 2)]).toEqual(['0.3', '-0.12', 'nan']);
  });

  it('prints a compact confusion matrix', () => {
    expect(formatConfusionMatrix([[2, 0], [1, 13]])).toBe('true\\pred  0  1\n        0  2  0\n        1  1 13\n');
    expect(formatConfusionMatrix([[0.5, 0.5], [0, 1]], { names: ['cat', 'dog'] })).toBe(
      'true\\pred  cat  dog\n      cat 0.50 0.50\n      dog 0.00 1.00\n',
    );
    expect(() => formatConfusionMatrix([[1, 2]])).toThrow('expected a square matrix');
  });
});
