import { Random } from '@lab/core';
import { checkSplits, type Fold, foldFromMask, type SplitData, sampleCount } from './fold.js';
import { checkSplitOptions, K_FOLD_OPTIONS } from './split-options.js';

/** Options of {@link kFold}. */
export interface KFoldOptions {
  /** Number of folds, >= 2. Default 5, as scikit-learn. */
  k?: number;
  /** Shuffle the samples before cutting them into folds. Default false, as scikit-learn. */
  shuffle?: boolean;
  /** Seed of the shuffle. Default 0 (the same folds every run). */
  seed?: number;
}

/**
 * K-fold cross-validation indices, as scikit-learn's `KFold`: the samples (in order, or shuffled)
 * are cut into `k` consecutive test folds, the first `n % k` of size `floor(n / k) + 1`, the
 * others `floor(n / k)`; each fold trains on the rest. The test folds partition `0..n-1`. Indices
 * are ascending in both sets, as scikit-learn's; without shuffle they equal scikit-learn's exactly.
 * Unknown options are errors with a hint (`n_splits` → `k`).
 *
 * @example
 * kFold(5, { k: 2 }) // → [{ train: [3, 4], test: [0, 1, 2] }, { train: [0, 1, 2], test: [3, 4] }]
 */
export function kFold(data: SplitData, options: KFoldOptions = {}): Fold[] {
  checkSplitOptions('kFold', options, K_FOLD_OPTIONS);
  const n = sampleCount(data, 'kFold');
  const k = options.k ?? 5;
  checkSplits(k, n, 'kFold');
  const order = new Int32Array(n).map((_, i) => i);
  if (options.shuffle) new Random(options.seed ?? 0).shuffle(order);
  const foldOf = new Int32Array(n);
  let start = 0;
  for (let fold = 0; fold < k; fold++) {
    const size = Math.floor(n / k) + (fold < n % k ? 1 : 0);
    for (let i = start; i < start + size; i++) foldOf[order[i]!] = fold;
    start += size;
  }
  return Array.from({ length: k }, (_, fold) => foldFromMask((i) => foldOf[i] === fold, n));
}
