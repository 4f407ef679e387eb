import { any } from '@lab/core';
import type { Fold } from './fold.js';
import { foldFromMask } from './fold.js';
import { checkSplitOptions } from './split-options.js';

/** Options of {@link groupKFold}. */
export interface GroupKFoldOptions {
  /** Number of folds, >= 2, at most the number of groups. Default 5, as scikit-learn. */
  k?: number;
}

/**
 * K-fold indices that never split a group, as scikit-learn 1.2's `GroupKFold`: the groups
 * (numbers or strings, one per sample, sorted as `np.unique` sorts them), largest first, each go
 * to the fold with the fewest samples so far (the first such fold), so the folds hold about
 * equal numbers of samples and a group is in exactly one test fold. Deterministic; equal to
 * scikit-learn's folds index for index (where groups tie in size scikit-learn's order depends on
 * numpy's unstable argsort beyond 16 groups; lab breaks ties as numpy does for up to 16: the
 * group that sorts later first). Unknown options are errors (`n_splits` → `k`).
 *
 * @example
 * groupKFold(['a', 'a', 'b', 'c', 'c', 'c'], { k: 2 }) // → test folds [3, 4, 5] and [0, 1, 2]
 */
export function groupKFold(groups: ArrayLike<number | string>, options: GroupKFoldOptions = {}): Fold[] {
  const fn = 'groupKFold';
  checkSplitOptions(fn, options, { k: any() });
  const n = groups?.length;
  if (typeof n !== 'number') throw new Error(`${fn}: groups must be an array with one group per sample`);
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 2) throw new Error(`${fn}: k must be an integer >= 2; got ${String(k)}`);
  const values = Array.from({ length: n }, (_, i) => groups[i]!);
  const kinds = new Set(values.map((v) => typeof v));
  if (kinds.size > 1 || values.some((v) => typeof v === 'number' && Number.isNaN(v))) {
    throw new Error(`${fn}: groups must be all numbers (not NaN) or all strings`);
  }
  const unique = [...new Set(values)].sort((a, b) => (typeof a === 'number' ? a - (b as number) : a < b ? -1 : a > b ? 1 : 0));
  if (k > unique.length) throw new Error(`${fn}: k (${k}) cannot be greater than the number of groups (${unique.length})`);
  const code = new Map(unique.map((g, i) => [g, i]));
  const inverse = Int32Array.from(values, (v) => code.get(v)!);
  const sizes = new Int32Array(unique.length);
  for (const g of inverse) sizes[g]!++;
  // np.argsort(sizes)[::-1]: largest first; equal sizes, the later group first (stable argsort reversed).
  const order = [...sizes.keys()].sort((a, b) => sizes[a]! - sizes[b]! || a - b).reverse();
  const perFold = new Float64Array(k);
  const foldOfGroup = new Int32Array(unique.length);
  for (const g of order) {
    let lightest = 0;
    for (let f = 1; f < k; f++) if (perFold[f]! < perFold[lightest]!) lightest = f;
    perFold[lightest]! += sizes[g]!;
    foldOfGroup[g] = lightest;
  }
  return Array.from({ length: k }, (_, fold) => foldFromMask((i) => foldOfGroup[inverse[i]!] === fold, n));
}
