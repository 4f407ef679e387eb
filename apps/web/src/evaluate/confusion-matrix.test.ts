import { describe, expect, it } from 'vitest';
import { classScores, confusionMatrix, matrixAccuracy } from './confusion-matrix.js';

// The example of scikit-learn's classification_report docs:
// y_true = [0, 1, 2, 2, 2], y_pred = [0, 0, 2, 2, 1] gives
//   class 0: precision 0.50, recall 1.00, f1 0.67, support 1
//   class 1: precision 0.00, recall 0.00, f1 0.00, support 1
//   class 2: precision 1.00, recall 0.67, f1 0.80, support 3
const labels = [0, 1, 2, 2, 2];
const predictions = [0, 0, 2, 2, 1];

describe('confusionMatrix', () => {
  it('counts true classes in rows and predictions in columns, as scikit-learn', () => {
    expect(confusionMatrix(labels, predictions, 3)).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [0, 1, 2],
    ]);
  });

  it('names the sample with a label out of range', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow('sample 1 has label 3 and prediction 0');
    expect(() => confusionMatrix([0], [0, 1], 3)).toThrow('1 labels but 2 predictions');
  });
});

describe('classScores', () => {
  it("matches scikit-learn's classification_report", () => {
    const scores = classScores(confusionMatrix(labels, predictions, 3));
    expect(scores.map((s) => s.support)).toEqual([1, 1, 3]);
    const expected = [
      [0.5, 1, 2 / 3],
      [0, 0, 0],
      [1, 2 / 3, 0.8],
    ];
    scores.forEach((s, c) => {
      expect(s.precision).toBeCloseTo(expected[c]![0]!, 12);
      expect(s.recall).toBeCloseTo(expected[c]![1]!, 12);
      expect(s.f1).toBeCloseTo(expected[c]![2]!, 12);
    });
    expect(matrixAccuracy(confusionMatrix(labels, predictions, 3))).toBeCloseTo(0.6, 12);
  });

  it('gives zeros, not NaN, for a class never seen nor predicted', () => {
    expect(classScores([[2, 0], [0, 0]])[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });
});
