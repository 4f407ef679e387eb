import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splits } from '../test/splits-fixture.js';
import { trainTestSplit } from './train-test-split.js';

const sorted = (a: Int32Array) => Array.from(a).sort((x, y) => x - y);

describe('trainTestSplit', () => {
  it('splits 70/30 by default, shuffled, reproducibly by seed', () => {
    const { train, test } = trainTestSplit(10);
    expect([train.length, test.length]).toEqual([7, 3]);
    expect(sorted(Int32Array.from([...train, ...test]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(trainTestSplit(10, { seed: 4 }).test)).toEqual(Array.from(trainTestSplit(10, { seed: 4 }).test));
    expect(Array.from(trainTestSplit(50, { seed: 4 }).test)).not.toEqual(Array.from(trainTestSplit(50, { seed: 5 }).test));
  });

  it('keeps the order without shuffle: the first rows train, the last test (as scikit-learn)', () => {
    const { train, test } = trainTestSplit(['a', 'b', 'c', 'd', 'e'], { shuffle: false, testSize: 2 });
    expect([Array.from(train), Array.from(test)]).toEqual([[0, 1, 2], [3, 4]]);
  });

  it("has scikit-learn's sizes", () => {
    for (const { n, testSize, train, test } of splits.trainTestSplitSizes) {
      const split = trainTestSplit(n, { testSize });
      expect([split.train.length, split.test.length], `n ${n}, testSize ${testSize}`).toEqual([train, test]);
    }
  });

  it("stratifies with scikit-learn's per-class test sizes", () => {
    for (const { labels, testSize, train, test, testPerClass } of splits.stratifiedSplitSizes) {
      const split = trainTestSplit(labels.length, { testSize, stratify: labels, seed: 1 });
      expect([split.train.length, split.test.length]).toEqual([train, test]);
      const perClass = testPerClass.map((_, c) => split.test.filter((i) => labels[i] === c).length);
      expect(perClass).toEqual(testPerClass);
    }
  });

  it('partitions the indices for any size and test size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.integer(), (n, testSize, seed) => {
        fc.pre(Math.ceil(testSize * n) < n);
        const { train, test } = trainTestSplit(n, { testSize, seed });
        const all = sorted(Int32Array.from([...train, ...test]));
        return test.length === Math.ceil(testSize * n) && all.every((v, i) => v === i) && all.length === n;
      }),
    );
  });

  it('says what is wrong', () => {
    expect(() => trainTestSplit(10, { testSize: 0 })).toThrow('trainTestSplit: testSize must be a fraction in (0, 1) or a count in [1, 9]');
    expect(() => trainTestSplit(10, { testSize: 10 })).toThrow('got 10 for 10 samples');
    expect(() => trainTestSplit(10, { testSize: 1.5 })).toThrow('got 1.5');
    expect(() => trainTestSplit(4, { stratify: [0, 0, 1, 1], shuffle: false })).toThrow('stratify needs shuffle');
    expect(() => trainTestSplit(4, { stratify: [0, 1, 1] })).toThrow('stratify has 3 labels but there are 4 samples');
    expect(() => trainTestSplit(4, { stratify: [0, 1, 1, 1] })).toThrow('at least 2 samples of every class');
  });
});
