import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitions, plain, splits } from '../test/splits-fixture.js';
import { kFold } from './k-fold.js';

describe('kFold', () => {
  it("equals scikit-learn's KFold without shuffle, index for index", () => {
    for (const { n, k, folds } of splits.kFold) expect(kFold(n, { k }).map(plain), `n ${n}, k ${k}`).toEqual(folds);
  });

  it("has scikit-learn's fold sizes when shuffled, the first n % k one larger", () => {
    for (const { n, k, testSizes } of splits.kFoldShuffledSizes) {
      expect(kFold(n, { k, shuffle: true, seed: 3 }).map((f) => f.test.length)).toEqual(testSizes);
    }
  });

  it('partitions the indices, for any n, k, shuffle and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 2, max: 12 }), fc.boolean(), fc.integer(), (n, k, shuffle, seed) => {
        fc.pre(k <= n);
        const folds = kFold(n, { k, shuffle, seed });
        return folds.length === k && partitions(folds, n) && folds.every((f) => Math.abs(f.test.length - n / k) < 1);
      }),
    );
  });

  it('shuffles reproducibly by seed, and takes the row count from arrays', () => {
    expect(kFold(20, { shuffle: true, seed: 1 }).map(plain)).toEqual(kFold(new Array(20), { shuffle: true, seed: 1 }).map(plain));
    expect(kFold(20, { shuffle: true, seed: 1 }).map(plain)).not.toEqual(kFold(20, { shuffle: true, seed: 2 }).map(plain));
    expect(kFold(20, { shuffle: true }).map(plain)).not.toEqual(kFold(20).map(plain));
  });

  it('says what is wrong with k and the data', () => {
    expect(() => kFold(10, { k: 1 })).toThrow('kFold: k must be an integer >= 2; got 1');
    expect(() => kFold(10, { k: 2.5 })).toThrow('got 2.5');
    expect(() => kFold(3, { k: 4 })).toThrow('kFold: k (4) cannot be greater than the number of samples (3)');
    expect(() => kFold(-1)).toThrow('kFold: data must be a sample count or an array of samples; got -1');
  });
});
