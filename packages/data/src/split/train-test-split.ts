import { any, boolean, instance, number, Random } from '@lab/core';
import type { Fold, SplitData } from './fold.js';
import { sampleCount } from './fold.js';
import { checkSplitOptions } from './split-options.js';

const OPTIONS = {
  /** Checked by `testCount` against the number of samples. */
  testSize: any(),
  shuffle: boolean(),
  seed: number(),
  stratify: instance('an array of class labels', (v) => typeof (v as { length?: unknown } | null)?.length === 'number'),
};

/** Options of {@link trainTestSplit}. */
export interface TrainTestSplitOptions {
  /**
   * The test set: a fraction in (0, 1) of the samples (rounded up, as scikit-learn) or a count
   * >= 1. Default 0.3, the lesson's 70/30 split.
   */
  testSize?: number;
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

/** The test size as a count, from a fraction (ceil, as scikit-learn) or a count. */
function testCount(testSize: number, n: number): number {
  const count = testSize < 1 ? Math.ceil(testSize * n) : testSize;
  const valid = testSize > 0 && (testSize < 1 || Number.isInteger(testSize));
  if (!valid || count < 1 || count >= n) {
    throw new Error(
      `trainTestSplit: testSize must be a fraction in (0, 1) or a count in [1, ${n - 1}] leaving both sets non-empty; got ${testSize} for ${n} samples`,
    );
  }
  return count;
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

function stratifiedSplit(labels: ArrayLike<number>, n: number, nTest: number, random: Random): Fold {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    if (!byClass.has(label)) byClass.set(label, []);
    byClass.get(label)!.push(i);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const counts = classes.map((c) => byClass.get(c)!.length);
  if (counts.some((c) => c < 2)) throw new Error('trainTestSplit: stratify needs at least 2 samples of every class');
  if (nTest < classes.length || n - nTest < classes.length) {
    throw new Error(`trainTestSplit: with stratify, both sets need at least one sample of each of the ${classes.length} classes`);
  }
  const trainCounts = approximateMode(counts, n - nTest, random);
  const testCounts = approximateMode(counts.map((c, i) => c - trainCounts[i]!), nTest, random);
  const train: number[] = [];
  const test: number[] = [];
  classes.forEach((c, i) => {
    const members = random.shuffle(byClass.get(c)!);
    train.push(...members.slice(0, trainCounts[i]));
    test.push(...members.slice(trainCounts[i], trainCounts[i]! + testCounts[i]!));
  });
  return { train: random.shuffle(Int32Array.from(train)), test: random.shuffle(Int32Array.from(test)) };
}

/**
 * Splits sample indices into a training and a test set, as scikit-learn's `train_test_split`
 * (which it mirrors in sizes: the test set has `ceil(testSize * n)` samples, the training set the
 * rest). Shuffled with `seed` by default; `stratify` keeps class shares (per-class sizes as
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
  const nTest = testCount(options.testSize ?? 0.3, n);
  const shuffle = options.shuffle ?? true;
  const random = new Random(options.seed ?? 0);
  if (options.stratify) {
    if (!shuffle) throw new Error('trainTestSplit: stratify needs shuffle (as in scikit-learn)');
    if (options.stratify.length !== n) {
      throw new Error(`trainTestSplit: stratify has ${options.stratify.length} labels but there are ${n} samples`);
    }
    return stratifiedSplit(options.stratify, n, nTest, random);
  }
  const order = shuffle ? random.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
  // As scikit-learn: shuffled, the test set comes first; in order, the training set does.
  return shuffle
    ? { train: order.slice(nTest), test: order.slice(0, nTest) }
    : { train: order.slice(0, n - nTest), test: order.slice(n - nTest) };
}
