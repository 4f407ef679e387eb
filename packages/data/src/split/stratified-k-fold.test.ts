import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitions, plain, splits } from '../test/splits-fixture.js';
import { stratifiedKFold } from './stratified-k-fold.js';

describe('stratifiedKFold', () => {
  it("equals scikit-learn's StratifiedKFold without shuffle, index for index", () => {
    for (const { labels, k, folds } of splits.stratifiedKFold) {
      expect(stratifiedKFold(labels, { k }).map(plain), `k ${k}, ${labels.length} labels`).toEqual(folds);
    }
  });

  it("keeps scikit-learn's per-class fold sizes when shuffled", () => {
    for (const { labels, k, folds } of splits.stratifiedKFold) {
      const count = (indices: ArrayLike<number>) => {
        const out = new Map<number, number>();
        for (let i = 0; i < indices.length; i++) out.set(labels[indices[i]!]!, (out.get(labels[indices[i]!]!) ?? 0) + 1);
        return [...out.entries()].sort((a, b) => a[0] - b[0]);
      };
      const shuffled = stratifiedKFold(Int32Array.from(labels), { k, shuffle: true, seed: 9 });
      expect(shuffled.map((f) => count(f.test))).toEqual(folds.map((f) => count(f.test)));
    }
  });

  it('partitions the indices and balances every class, for any labels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 200 }),
        fc.integer({ min: 2, max: 6 }),
        fc.boolean(),
        (labels, k, shuffle) => {
          const sizes = new Map<number, number>();
          for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
          fc.pre(k <= labels.length && [...sizes.values()].some((s) => s >= k));
          const folds = stratifiedKFold(labels, { k, shuffle, seed: 5 });
          const balanced = [...sizes.entries()].every(([label, size]) =>
            folds.every((f) => Math.abs(f.test.filter((i) => labels[i] === label).length - size / k) < 1),
          );
          return partitions(folds, labels.length) && balanced;
        },
      ),
    );
  });

  it('says what is wrong', () => {
    expect(() => stratifiedKFold([0, 0, 1, 1], { k: 3 })).toThrow(
      'stratifiedKFold: k (3) cannot be greater than the number of members in each class',
    );
    expect(() => stratifiedKFold([0, 1], { k: 3 })).toThrow('k (3) cannot be greater than the number of samples (2)');
    expect(() => stratifiedKFold([0, Number.NaN, 1, 1], { k: 2 })).toThrow('stratifiedKFold: labels[1] is NaN');
  });
});
