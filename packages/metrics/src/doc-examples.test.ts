import { describe, expect, it } from 'vitest';
import { averagePrecisionScore, cohenKappa, hammingLoss, precisionRecallCurve, rocAucScore, rocCurve } from './index.js';

// The @example lines of the new functions' doc comments, with scikit-learn 1.2.1's values.
describe('doc comment examples', () => {
  it('print what they say', () => {
    expect(cohenKappa([0, 1, 2, 2, 1], [0, 2, 2, 2, 1])).toBeCloseTo(0.6875, 12);
    expect(hammingLoss([1, 2, 3, 4], [2, 2, 3, 4])).toBe(0.25);
    expect(rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.8333333333333333, 15);
    expect(precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toEqual({
      precision: [0.5, 0.6666666666666666, 0.5, 1, 1],
      recall: [1, 1, 0.5, 0.5, 0],
      thresholds: [0.1, 0.35, 0.4, 0.8],
    });
    expect(rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 }).fpr).toEqual([0, 0, 0.5, 0.5, 1]);
  });
});
