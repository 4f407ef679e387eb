import { Random } from '@lab/core';
import { type Fold, type SplitData, sampleCount } from './fold.js';
import { checkSplitOptions } from './split-options.js';
import { splitSizes } from './split-sizes.js';
import { checkSplitCount, SHUFFLE_SPLIT_OPTIONS, type ShuffleSplitOptions } from './stratified-shuffle-split.js';

/**
 * Random permutation splits, as scikit-learn 1.2's `ShuffleSplit`: `splits` independent shuffles,
 * each taking the first `nTest` of the permutation as the test set and the next `nTrain` as the
 * training set (sizes from `testSize` / `trainSize` exactly as scikit-learn computes them, default
 * test 0.1). Sets may overlap between splits, never within one; with both sizes given some samples
 * may be in neither. Lab's own seeded generator: the sizes equal scikit-learn's, the permutations
 * differ. Unknown options are errors with a hint (`n_splits` → `splits`, `random_state` → `seed`).
 *
 * @example
 * shuffleSplit(10, { splits: 3, testSize: 0.2 }) // 3 × (8 train, 2 test) shuffled indices
 */
export function shuffleSplit(data: SplitData, options: ShuffleSplitOptions = {}): Fold[] {
  const fn = 'shuffleSplit';
  checkSplitOptions(fn, options, SHUFFLE_SPLIT_OPTIONS);
  const n = sampleCount(data, fn);
  const splits = options.splits ?? 10;
  checkSplitCount(splits, fn);
  const [nTrain, nTest] = splitSizes(n, options, 0.1, fn);
  const random = new Random(options.seed ?? 0);
  return Array.from({ length: splits }, () => {
    const order = random.permutation(n);
    return { train: order.slice(nTest, nTest + nTrain), test: order.slice(0, nTest) };
  });
}
