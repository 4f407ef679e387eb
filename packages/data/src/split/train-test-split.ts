import { any, boolean, instance, number, Random } from '@lab/core';
import type { Fold, SplitData } from './fold.js';
import { sampleCount } from './fold.js';
import { checkSplitOptions } from './split-options.js';
import { splitSizes } from './split-sizes.js';
import { classMembers, stratifiedDraw } from './stratified-shuffle-split.js';

const OPTIONS = {
  /** Checked by `splitSizes` against the number of samples. */
  testSize: any(),
  trainSize: any(),
  shuffle: boolean(),
  seed: number(),
  stratify: instance('an array of class labels', (v) => typeof (v as { length?: unknown } | null)?.length === 'number'),
};

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /**
   * The test set: a fraction in (0, 1) of the samples (rounded up, as scikit-learn) or a count
   * >= 1. Default 0.3, the lesson's 70/30 split, when `trainSize` is not given (scikit-learn's
   * default is 0.25: pass `testSize: 0.25` for its sizes); with `trainSize`, the rest.
   */
  testSize?: number;
  /**
   * The training set: a fraction in (0, 1) (rounded down, as scikit-learn) or a count >= 1.
   * Default: the samples the test set leaves. With both sizes given, some samples may be in
   * neither set.
   */
  trainSize?: number;
  /** Shuffle before splitting. Default true. Without it, the first rows train and the last test. */
  shuffle?: boolean;
  /** Seed of the shuffle. Default 0 (the same split every run). */
  seed?: number;
  /**
   * Class labels, one per sample: keep each class's share in both sets, as scikit-learn's
   * `stratify` (needs `shuffle`). Default: none.
   */
  stratify?: ArrayLike<number>;
}

/**
 * Splits sample indices into a training and a test set, as scikit-learn's `train_test_split`
 * (which it mirrors in sizes: the test set has `ceil(testSize * n)` samples, the training set
 * `floor(trainSize * n)` or the rest; the default test share is the lesson's 0.3, scikit-learn's
 * 0.25). Shuffled with `seed` by default; `stratify` keeps class shares (per-class sizes as
 * scikit-learn's `StratifiedShuffleSplit`). `data` is the sample count or any array of rows;
 * returns index arrays: take the rows with {@link takeRows}, or `tf.gather(x, indices)`. Unknown
 * options are errors with a hint (`test_size` → `testSize`, `random_state` → `seed`).
 *
 * @example
 * const { train, test } = trainTestSplit(10, { seed: 42 }); // 7 and 3 shuffled indices
 * const trainLabels = takeRows(labels, train);
 */
export function trainTestSplit(data: SplitData, options: TrainTestSplitOptions = {}): Fold {
  checkSplitOptions('trainTestSplit', options, OPTIONS);
  const n = sampleCount(data, 'trainTestSplit');
  const [nTrain, nTest] = splitSizes(n, options, 0.3, 'trainTestSplit');
  const shuffle = options.shuffle ?? true;
  const random = new Random(options.seed ?? 0);
  if (options.stratify) {
    if (!shuffle) throw new Error('trainTestSplit: stratify needs shuffle (as in scikit-learn)');
    if (options.stratify.length !== n) {
      throw new Error(`trainTestSplit: stratify has ${options.stratify.length} labels but there are ${n} samples`);
    }
    return stratifiedDraw(classMembers(options.stratify, 'trainTestSplit'), nTrain, nTest, random, 'trainTestSplit');
  }
  const order = shuffle ? random.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
  // As scikit-learn: shuffled, the test set comes first; in order, the training set does.
  return shuffle
    ? { train: order.slice(nTest, nTest + nTrain), test: order.slice(0, nTest) }
    : { train: order.slice(0, nTrain), test: order.slice(nTrain, nTrain + nTest) };
}
