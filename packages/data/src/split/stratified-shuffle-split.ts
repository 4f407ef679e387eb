import { any, number, Random } from '@lab/core';
import type { Fold } from './fold.js';
import { checkSplitOptions } from './split-options.js';
import { splitSizes } from './split-sizes.js';

/** Options of {@link shuffleSplit} and {@link stratifiedShuffleSplit}. */
export interface ShuffleSplitOptions {
  /** Number of splits (re-shuffles), >= 1. Default 10, as scikit-learn's `n_splits`. */
  splits?: number;
  /** The test set: a fraction in (0, 1) (rounded up) or a count. Default 0.1 when `trainSize` is not given, else the rest. */
  testSize?: number;
  /** The training set: a fraction in (0, 1) (rounded down) or a count. Default: the rest. */
  trainSize?: number;
  /** Seed of the shuffles. Default 0 (the same splits every run). */
  seed?: number;
}

/** The constraints of {@link ShuffleSplitOptions}. */
export const SHUFFLE_SPLIT_OPTIONS = {
  /** Checked by `checkSplitCount`. */
  splits: any(),
  /** Checked by `splitSizes` against the number of samples. */
  testSize: any(),
  trainSize: any(),
  seed: number(),
};

/** Checks `splits`: an integer >= 1. */
export function checkSplitCount(splits: number, fn: string): void {
  if (!Number.isInteger(splits) || splits < 1) throw new Error(`${fn}: splits must be an integer >= 1; got ${String(splits)}`);
}

/**
 * scikit-learn's `_approximate_mode`: `draws` spread over classes in proportion to `counts`,
 * floors first, then one more for the largest remainders (ties broken at random).
 */
function approximateMode(counts: number[], draws: number, random: Random): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => (c / total) * draws);
  const out = continuous.map(Math.floor);
  let missing = draws - out.reduce((a, b) => a + b, 0);
  const remainders = [...new Set(continuous.map((c, i) => c - out[i]!))].sort((a, b) => b - a);
  for (const value of remainders) {
    if (missing === 0) break;
    const tied = random.shuffle(continuous.map((c, i) => (c - out[i]! === value ? i : -1)).filter((i) => i >= 0));
    for (const i of tied.slice(0, missing)) out[i]!++;
    missing -= Math.min(tied.length, missing);
  }
  return out;
}

/** Sample indices by class label, classes sorted; throws (naming `fn`) unless every class has 2 or more. */
export function classMembers(labels: ArrayLike<number>, fn: string): number[][] {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (!Number.isFinite(label)) throw new Error(`${fn}: labels[${i}] is ${label}; labels must be finite`);
    if (!byClass.has(label)) byClass.set(label, []);
    byClass.get(label)!.push(i);
  }
  const members = [...byClass.keys()].sort((a, b) => a - b).map((c) => byClass.get(c)!);
  if (members.some((m) => m.length < 2)) throw new Error(`${fn}: stratify needs at least 2 samples of every class`);
  return members;
}

/**
 * One stratified shuffle split, as scikit-learn's `StratifiedShuffleSplit`: per-class train and
 * test counts by `_approximate_mode`, then each class's members shuffled and dealt, then both sets
 * shuffled. Throws (naming `fn`) when a set cannot hold one sample of every class.
 */
export function stratifiedDraw(members: number[][], nTrain: number, nTest: number, random: Random, fn: string): Fold {
  if (nTest < members.length || nTrain < members.length) {
    throw new Error(`${fn}: with stratify, both sets need at least one sample of each of the ${members.length} classes`);
  }
  const counts = members.map((m) => m.length);
  const trainCounts = approximateMode(counts, nTrain, random);
  const testCounts = approximateMode(counts.map((c, i) => c - trainCounts[i]!), nTest, random);
  const train: number[] = [];
  const test: number[] = [];
  members.forEach((m, i) => {
    const shuffled = random.shuffle([...m]);
    train.push(...shuffled.slice(0, trainCounts[i]));
    test.push(...shuffled.slice(trainCounts[i], trainCounts[i]! + testCounts[i]!));
  });
  return { train: random.shuffle(Int32Array.from(train)), test: random.shuffle(Int32Array.from(test)) };
}

/**
 * Stratified random splits, as scikit-learn 1.2's `StratifiedShuffleSplit`: `splits` independent
 * train/test draws, each keeping every class's share in both sets (per-class counts by
 * scikit-learn's `_approximate_mode`). Sets may overlap between splits, never within one. `labels`
 * are the class of each sample. Lab's own seeded generator: the sizes equal scikit-learn's, the
 * draws differ. Unknown options are errors with a hint (`n_splits` → `splits`).
 *
 * @example
 * stratifiedShuffleSplit([0, 0, 0, 0, 1, 1, 1, 1], { splits: 3, testSize: 0.5 }) // 3 × (2 + 2 test, 2 + 2 train)
 */
export function stratifiedShuffleSplit(labels: ArrayLike<number>, options: ShuffleSplitOptions = {}): Fold[] {
  const fn = 'stratifiedShuffleSplit';
  checkSplitOptions(fn, options, SHUFFLE_SPLIT_OPTIONS);
  if (typeof labels?.length !== 'number') throw new Error(`${fn}: labels must be an array of class labels`);
  const splits = options.splits ?? 10;
  checkSplitCount(splits, fn);
  const [nTrain, nTest] = splitSizes(labels.length, options, 0.1, fn);
  const members = classMembers(labels, fn);
  const random = new Random(options.seed ?? 0);
  return Array.from({ length: splits }, () => stratifiedDraw(members, nTrain, nTest, random, fn));
}
