import { Random } from '@lab/core';
import { checkSplits, type Fold, foldFromMask } from './fold.js';
import type { KFoldOptions } from './k-fold.js';
import { checkSplitOptions, K_FOLD_OPTIONS } from './split-options.js';

/**
 * Stratified k-fold indices, as scikit-learn 1.2's `StratifiedKFold`: each test fold holds about
 * the same share of every class. Classes are dealt round-robin over the folds by their sorted
 * labels, then each class's samples take their folds in blocks, in data order (shuffled with
 * `shuffle`). Without shuffle the folds equal scikit-learn's exactly. `labels` are the class of
 * each sample (any integers, e.g. MNIST's `Uint8Array`). Throws when `k` exceeds every class's size,
 * and for unknown options (with a hint: `n_splits` → `k`).
 *
 * @example
 * stratifiedKFold([0, 0, 1, 1], { k: 2 }) // → [{ train: [1, 3], test: [0, 2] }, { train: [0, 2], test: [1, 3] }]
 */
export function stratifiedKFold(labels: ArrayLike<number>, options: KFoldOptions = {}): Fold[] {
  const fn = 'stratifiedKFold';
  checkSplitOptions(fn, options, K_FOLD_OPTIONS);
  const n = labels?.length;
  if (typeof n !== 'number') throw new Error(`${fn}: labels must be an array of class labels`);
  const k = options.k ?? 5;
  checkSplits(k, n, fn);
  // Classes numbered by first appearance, as scikit-learn encodes them.
  const code = new Map<number, number>();
  const encoded = Int32Array.from({ length: n }, (_, i) => {
    const label = labels[i]!;
    if (!Number.isFinite(label)) throw new Error(`${fn}: labels[${i}] is ${label}; labels must be finite`);
    if (!code.has(label)) code.set(label, code.size);
    return code.get(label)!;
  });
  const classes = code.size;
  const counts = new Int32Array(classes);
  for (const c of encoded) counts[c]!++;
  if (counts.every((c) => c < k)) throw new Error(`${fn}: k (${k}) cannot be greater than the number of members in each class`);
  // allocation[fold][class] = how many of the sorted codes at positions fold, fold + k, ... are that class.
  const sorted = Int32Array.from(encoded).sort();
  const allocation = Array.from({ length: k }, () => new Int32Array(classes));
  sorted.forEach((c, i) => {
    allocation[i % k]![c]!++;
  });
  const random = options.shuffle ? new Random(options.seed ?? 0) : null;
  const foldOf = new Int32Array(n);
  for (let c = 0; c < classes; c++) {
    const folds: number[] = [];
    for (let fold = 0; fold < k; fold++) for (let j = 0; j < allocation[fold]![c]!; j++) folds.push(fold);
    random?.shuffle(folds);
    let next = 0;
    for (let i = 0; i < n; i++) if (encoded[i] === c) foldOf[i] = folds[next++]!;
  }
  return Array.from({ length: k }, (_, fold) => foldFromMask((i) => foldOf[i] === fold, n));
}
