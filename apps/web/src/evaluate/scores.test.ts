import { expectNoLeak } from '@lab/testing';
import { describe, expect, it } from 'vitest';
import { cellSamples, type Evaluation } from './evaluate-test.js';
import { testScores } from './scores.js';

// The example of scikit-learn's classification_report docs:
// y_true = [0, 1, 2, 2, 2], y_pred = [0, 0, 2, 2, 1] gives
//   class 0: precision 0.50, recall 1.00, f1 0.67, support 1
//   class 1: precision 0.00, recall 0.00, f1 0.00, support 1
//   class 2: precision 1.00, recall 0.67, f1 0.80, support 3
//   accuracy 0.60
const labels = [0, 1, 2, 2, 2];
const predictions = [0, 0, 2, 2, 1];

describe('testScores', () => {
  it('counts true classes in rows and predictions in columns, as scikit-learn, for all ten digits', () => {
    const { matrix } = testScores(labels, predictions);
    expect(matrix).toHaveLength(10);
    expect(matrix.slice(0, 3).map((row) => row.slice(0, 3))).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [0, 1, 2],
    ]);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(5);
  });

  it("matches scikit-learn's classification_report", () => {
    const { scores, accuracy } = testScores(labels, predictions);
    expect(scores.map((s) => s.support)).toEqual([1, 1, 3, 0, 0, 0, 0, 0, 0, 0]);
    const expected = [
      [0.5, 1, 2 / 3],
      [0, 0, 0],
      [1, 2 / 3, 0.8],
    ];
    expected.forEach(([precision, recall, f1], c) => {
      expect(scores[c]!.precision).toBeCloseTo(precision!, 12);
      expect(scores[c]!.recall).toBeCloseTo(recall!, 12);
      expect(scores[c]!.f1).toBeCloseTo(f1!, 12);
    });
    expect(accuracy).toBeCloseTo(0.6, 12);
  });

  it('gives zeros, not NaN, for a digit never seen nor predicted', () => {
    expect(testScores(labels, predictions).scores[7]).toEqual({ precision: 0, recall: 0, f1: 0, support: 0 });
  });

  it('reads typed arrays, as the evaluation step passes them, and leaks no tensor', () => {
    expectNoLeak(() => {
      const typed = testScores(Uint8Array.from(labels), Uint8Array.from(predictions));
      expect(typed).toEqual(testScores(labels, predictions));
    });
  });

  it('names both lengths when labels and predictions differ', () => {
    expect(() => testScores([0, 1], [0])).toThrow(/2.*1|1.*2/);
  });

  it('agrees with the digits a confusion-matrix cell shows', () => {
    // 200 pseudo-random digits, about a third predicted wrong.
    const truth = Uint8Array.from({ length: 200 }, (_, i) => (i * 7 + 3) % 10);
    const guess = truth.map((t, i) => (i % 3 === 0 ? (t + 1 + (i % 4)) % 10 : t));
    const { matrix } = testScores(truth, guess);
    const evaluation = { predictions: guess } as Evaluation;
    for (let t = 0; t < 10; t++) {
      for (let p = 0; p < 10; p++) {
        const cell = cellSamples(evaluation, truth, t, p);
        expect(cell.length, `cell (${t}, ${p})`).toBe(matrix[t]![p]);
        for (const i of cell) expect([truth[i], guess[i]]).toEqual([t, p]);
      }
    }
  });
});
