import { any, number, Random } from '@lab/core';
import type { Fold, SplitData } from './fold.js';
import { kFold } from './k-fold.js';
import { checkSplitOptions } from './split-options.js';
import { stratifiedKFold } from './stratified-k-fold.js';

/** Options of {@link repeatedKFold} and {@link repeatedStratifiedKFold}. */
export interface RepeatedKFoldOptions {
  /** Folds per repetition, >= 2. Default 5, as scikit-learn's `n_splits`. */
  k?: number;
  /** Repetitions, each with a new shuffle. Default 10, as scikit-learn's `n_repeats`. */
  repeats?: number;
  /** Seed of the shuffles. Default 0 (the same folds every run). */
  seed?: number;
}

const OPTIONS = {
  /** Checked by `kFold` / `stratifiedKFold`. */
  k: any(),
  /** Checked by `checkRepeats`. */
  repeats: any(),
  seed: number(),
};

function repeat(options: RepeatedKFoldOptions, fn: string, folds: (seed: number) => Fold[]): Fold[] {
  checkSplitOptions(fn, options, OPTIONS);
  const repeats = options.repeats ?? 10;
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`${fn}: repeats must be an integer >= 1; got ${String(repeats)}`);
  // One generator for all repetitions, as scikit-learn passes one RandomState to each KFold.
  const random = new Random(options.seed ?? 0);
  return Array.from({ length: repeats }, () => folds(random.nextSeed())).flat();
}

/**
 * K-fold repeated with a new shuffle each time, as scikit-learn 1.2's `RepeatedKFold`: `repeats ×
 * k` folds, repetition after repetition; within each repetition the test folds partition the
 * samples (see {@link kFold}, with `shuffle: true`). Lab's own seeded generator: the fold sizes
 * equal scikit-learn's, the shuffles differ. Unknown options are errors (`n_repeats` → `repeats`).
 *
 * @example
 * repeatedKFold(10, { k: 5, repeats: 2, seed: 1 }) // 10 folds: 2 partitions of 0..9 into 5 test folds
 */
export function repeatedKFold(data: SplitData, options: RepeatedKFoldOptions = {}): Fold[] {
  const { k = 5 } = options;
  return repeat(options, 'repeatedKFold', (seed) => kFold(data, { k, shuffle: true, seed }));
}

/**
 * Stratified k-fold repeated with a new shuffle each time, as scikit-learn 1.2's
 * `RepeatedStratifiedKFold`: `repeats × k` folds; each repetition is a {@link stratifiedKFold}
 * with `shuffle: true`, so every class keeps its share in every test fold. Lab's own seeded
 * generator: the per-class fold sizes equal scikit-learn's, the shuffles differ.
 */
export function repeatedStratifiedKFold(labels: ArrayLike<number>, options: RepeatedKFoldOptions = {}): Fold[] {
  const { k = 5 } = options;
  return repeat(options, 'repeatedStratifiedKFold', (seed) => stratifiedKFold(labels, { k, shuffle: true, seed }));
}
