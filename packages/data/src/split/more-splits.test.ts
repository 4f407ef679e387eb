// scikit-learn 1.2 as the reference: scripts/splits-more-fixture.py wrote the fixture with
// /usr/bin/python3. GroupKFold and TimeSeriesSplit are deterministic: their folds must equal
// scikit-learn's index for index. The seeded splitters draw with lab's own generator, so for them
// the fixture holds scikit-learn's sizes (per class where stratified) and the tests check the
// invariants scikit-learn guarantees, and determinism per seed.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitions, plain } from '../test/splits-fixture.js';
import type { Fold } from './fold.js';
import { groupKFold } from './group-k-fold.js';
import { repeatedKFold, repeatedStratifiedKFold } from './repeated-k-fold.js';
import { shuffleSplit } from './shuffle-split.js';
import { stratifiedShuffleSplit } from './stratified-shuffle-split.js';
import { type TimeSeriesSplitOptions, timeSeriesSplit } from './time-series-split.js';
import { trainTestSplit } from './train-test-split.js';

interface Folds {
  train: number[];
  test: number[];
}
const fixture: {
  groupKFold: { groups: (number | string)[]; k: number; folds: Folds[] }[];
  timeSeriesSplit: { n: number; options: TimeSeriesSplitOptions; folds: Folds[] }[];
  shuffleSplitSizes: { n: number; testSize: number | null; trainSize: number | null; train: number; test: number; trainTestSplit: [number, number] | null }[];
  stratifiedShuffleSplit: { labels: number[]; testSize: number | null; trainSize: number | null; perClass: { train: number[]; test: number[] }[] }[];
  repeatedKFold: { n: number; k: number; repeats: number; testSizes: number[] }[];
  repeatedStratifiedKFold: { labels: number[]; k: number; repeats: number; testPerClass: number[][] };
} = JSON.parse(readFileSync(new URL('../fixtures/splits-more.json', import.meta.url), 'utf8'));

const sizes = (c: { testSize: number | null; trainSize: number | null }) => ({
  ...(c.testSize === null ? {} : { testSize: c.testSize }),
  ...(c.trainSize === null ? {} : { trainSize: c.trainSize }),
});
const disjoint = (f: Fold) => {
  const test = new Set(f.test);
  return new Set(f.train).size === f.train.length && test.size === f.test.length && f.train.every((i) => !test.has(i));
};
const perClass = (labels: ArrayLike<number>, indices: ArrayLike<number>, classes: number) => {
  const out = new Array<number>(classes).fill(0);
  for (let i = 0; i < indices.length; i++) out[labels[indices[i]!]!]!++;
  return out;
};

describe('groupKFold', () => {
  it("equals scikit-learn's GroupKFold, index for index", () => {
    for (const { groups, k, folds } of fixture.groupKFold) expect(groupKFold(groups, { k }).map(plain), JSON.stringify(groups).slice(0, 40)).toEqual(folds);
  });

  it('never splits a group, and partitions the samples', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 80 }), fc.integer({ min: 2, max: 5 }), (groups, k) => {
        fc.pre(new Set(groups).size >= k);
        const folds = groupKFold(groups, { k });
        // Each group in exactly one test fold: the folds' group sets add up to the distinct groups.
        const groupSets = folds.map((f) => new Set(Array.from(f.test, (i) => groups[i]!)));
        const whole = groupSets.reduce((total, set) => total + set.size, 0) === new Set(groups).size;
        return whole && partitions(folds, groups.length);
      }),
    );
  });

  it('says what is wrong', () => {
    expect(() => groupKFold([1, 1, 2], { k: 3 })).toThrow('groupKFold: k (3) cannot be greater than the number of groups (2)');
    expect(() => groupKFold([1, 'a'], { k: 2 })).toThrow('groupKFold: groups must be all numbers (not NaN) or all strings');
    expect(() => groupKFold([1, 2], { n_splits: 2 } as never)).toThrow("did you mean 'k'?");
  });
});

describe('timeSeriesSplit', () => {
  it("equals scikit-learn's TimeSeriesSplit, index for index (maxTrainSize, testSize, gap)", () => {
    for (const { n, options, folds } of fixture.timeSeriesSplit) expect(timeSeriesSplit(n, options).map(plain), `${n} ${JSON.stringify(options)}`).toEqual(folds);
  });

  it('says what is wrong, as scikit-learn', () => {
    expect(() => timeSeriesSplit(5, { k: 5 })).toThrow('timeSeriesSplit: k + 1 folds (6) cannot be greater than the number of samples (5)');
    expect(() => timeSeriesSplit(10, { k: 3, testSize: 3, gap: 1 })).toThrow('timeSeriesSplit: too many splits (k 3) for 10 samples with testSize 3 and gap 1');
    expect(() => timeSeriesSplit(10, { gap: -1 })).toThrow('gap must be an integer >= 0');
    expect(() => timeSeriesSplit(10, { max_train_size: 3 } as never)).toThrow(/maxTrainSize/);
  });
});

describe('shuffleSplit and trainTestSplit sizes', () => {
  it("have scikit-learn's sizes for every testSize / trainSize", () => {
    for (const c of fixture.shuffleSplitSizes) {
      const folds = shuffleSplit(c.n, { ...sizes(c), splits: 4, seed: 2 });
      expect(folds.map((f) => [f.train.length, f.test.length]), JSON.stringify(c)).toEqual(new Array(4).fill([c.train, c.test]));
      expect(folds.every(disjoint)).toBe(true);
      if (c.trainTestSplit) {
        const { train, test } = trainTestSplit(c.n, sizes(c));
        expect([train.length, test.length]).toEqual(c.trainTestSplit);
      }
    }
  });

  it('keeps the 70/30 default (scikit-learn: 0.25), draws afresh per split, and is deterministic per seed', () => {
    const { train, test } = trainTestSplit(10);
    expect([train.length, test.length]).toEqual([7, 3]);
    const a = shuffleSplit(30, { seed: 4 });
    expect(a).toHaveLength(10);
    expect(a.map(plain)).toEqual(shuffleSplit(30, { seed: 4 }).map(plain));
    expect(a.map(plain)).not.toEqual(shuffleSplit(30, { seed: 5 }).map(plain));
    expect(new Set(a.map((f) => Array.from(f.test).join())).size).toBe(10);
    // Without shuffle, trainSize takes the first rows and the test set the next ones.
    expect(plain(trainTestSplit(10, { trainSize: 5, testSize: 2, shuffle: false }))).toEqual({ train: [0, 1, 2, 3, 4], test: [5, 6] });
  });

  it('says what is wrong with the sizes', () => {
    expect(() => shuffleSplit(10, { testSize: 0.6, trainSize: 0.6 })).toThrow('shuffleSplit: testSize + trainSize (0.6 + 0.6) must be at most 1');
    expect(() => trainTestSplit(10, { testSize: 6, trainSize: 5 })).toThrow('trainTestSplit: trainSize + testSize = 11 samples, more than the 10 there are');
    expect(() => trainTestSplit(10, { trainSize: 10 })).toThrow('trainTestSplit: trainSize must be a fraction in (0, 1) or a count in [1, 9]');
    expect(() => shuffleSplit(3, { trainSize: 0.2 })).toThrow('leave the training set empty');
    expect(() => shuffleSplit(10, { splits: 0 })).toThrow('shuffleSplit: splits must be an integer >= 1; got 0');
    expect(() => shuffleSplit(10, { n_splits: 2 } as never)).toThrow("did you mean 'splits'?");
  });
});

describe('stratifiedShuffleSplit', () => {
  it("has scikit-learn's per-class sizes in every split, disjoint sets, deterministic per seed", () => {
    for (const c of fixture.stratifiedShuffleSplit) {
      const classes = c.perClass[0]!.train.length;
      const folds = stratifiedShuffleSplit(c.labels, { ...sizes(c), splits: 3, seed: 8 });
      // No ties in these cases' remainders, so the per-class counts are scikit-learn's exactly.
      expect(folds.map((f) => ({ train: perClass(c.labels, f.train, classes), test: perClass(c.labels, f.test, classes) }))).toEqual(c.perClass);
      expect(folds.every(disjoint)).toBe(true);
      expect(folds.map(plain)).toEqual(stratifiedShuffleSplit(c.labels, { ...sizes(c), splits: 3, seed: 8 }).map(plain));
    }
  });

  it('keeps class shares within one sample, for any labels', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 30 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1000 }), (classSizes, seed) => {
        const labels = classSizes.flatMap((size, c) => new Array<number>(size).fill(c));
        const counts = perClass(labels, labels.map((_, i) => i), 4);
        fc.pre(classSizes.length <= Math.ceil(labels.length * 0.25) && classSizes.length <= labels.length - Math.ceil(labels.length * 0.25));
        return stratifiedShuffleSplit(labels, { splits: 2, testSize: 0.25, seed }).every((f) => {
          const test = perClass(labels, f.test, 4);
          return disjoint(f) && test.every((t, c) => Math.abs(t - (counts[c]! * f.test.length) / labels.length) < 1 + 1e-9);
        });
      }),
    );
  });

  it('says what is wrong', () => {
    expect(() => stratifiedShuffleSplit([0, 0, 1])).toThrow('stratifiedShuffleSplit: stratify needs at least 2 samples of every class');
    expect(() => stratifiedShuffleSplit([0, 0, 1, 1, 2, 2], { testSize: 2 })).toThrow('both sets need at least one sample of each of the 3 classes');
  });
});

describe('repeatedKFold and repeatedStratifiedKFold', () => {
  it("have scikit-learn's fold sizes, and each repetition partitions the samples", () => {
    for (const { n, k, repeats, testSizes } of fixture.repeatedKFold) {
      const folds = repeatedKFold(n, { k, repeats, seed: 3 });
      expect(folds.map((f) => f.test.length)).toEqual(testSizes);
      for (let r = 0; r < repeats; r++) expect(partitions(folds.slice(r * k, (r + 1) * k), n)).toBe(true);
    }
    const { labels, k, repeats, testPerClass } = fixture.repeatedStratifiedKFold;
    const folds = repeatedStratifiedKFold(labels, { k, repeats, seed: 3 });
    expect(folds.map((f) => perClass(labels, f.test, 3))).toEqual(testPerClass);
    for (let r = 0; r < repeats; r++) expect(partitions(folds.slice(r * k, (r + 1) * k), labels.length)).toBe(true);
  });

  it('shuffle anew each repetition, deterministic per seed', () => {
    const folds = repeatedKFold(20, { k: 4, repeats: 3, seed: 1 });
    expect(folds).toHaveLength(12);
    expect(folds.slice(0, 4).map(plain)).not.toEqual(folds.slice(4, 8).map(plain));
    expect(folds.map(plain)).toEqual(repeatedKFold(20, { k: 4, repeats: 3, seed: 1 }).map(plain));
    expect(folds.map(plain)).not.toEqual(repeatedKFold(20, { k: 4, repeats: 3, seed: 2 }).map(plain));
    expect(repeatedKFold(10)).toHaveLength(50);
    expect(() => repeatedKFold(10, { repeats: 0 })).toThrow('repeatedKFold: repeats must be an integer >= 1; got 0');
    expect(() => repeatedStratifiedKFold([0, 0, 1, 1], { n_repeats: 2 } as never)).toThrow("did you mean 'repeats'?");
  });
});
