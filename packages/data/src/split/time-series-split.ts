import { any } from '@lab/core';
import { type Fold, type SplitData, sampleCount } from './fold.js';
import { checkSplitOptions } from './split-options.js';

/** Options of {@link timeSeriesSplit}. */
export interface TimeSeriesSplitOptions {
  /** Number of splits, >= 2. Default 5, as scikit-learn's `n_splits`. */
  k?: number;
  /** The most samples a training set keeps (the latest ones). Default: no limit. */
  maxTrainSize?: number;
  /** Samples per test set. Default `floor(n / (k + 1))`. */
  testSize?: number;
  /** Samples left out between the end of each training set and its test set. Default 0. */
  gap?: number;
}

const count = (value: number | undefined, min: number) => value === undefined || (Number.isInteger(value) && value >= min);

/**
 * Time-series cross-validation indices, as scikit-learn 1.2's `TimeSeriesSplit`: `k` test sets of
 * `testSize` consecutive samples at the end of the data, each trained on every earlier sample (the
 * last `maxTrainSize` of them when given) that lies more than `gap` before it. Samples must be in
 * time order. Deterministic; equal to scikit-learn's index for index. Throws, as scikit-learn,
 * when `k + 1` exceeds the samples or the splits do not fit (`n - gap - k * testSize <= 0`).
 *
 * @example
 * timeSeriesSplit(6, { k: 2 }) // → train [0, 1] test [2, 3]; train [0, 1, 2, 3] test [4, 5]
 */
export function timeSeriesSplit(data: SplitData, options: TimeSeriesSplitOptions = {}): Fold[] {
  const fn = 'timeSeriesSplit';
  checkSplitOptions(fn, options, { k: any(), maxTrainSize: any(), testSize: any(), gap: any() });
  const n = sampleCount(data, fn);
  const { k = 5, gap = 0, maxTrainSize } = options;
  if (!count(k, 2)) throw new Error(`${fn}: k must be an integer >= 2; got ${String(k)}`);
  if (!count(gap, 0)) throw new Error(`${fn}: gap must be an integer >= 0; got ${String(gap)}`);
  if (!count(maxTrainSize, 1)) throw new Error(`${fn}: maxTrainSize must be an integer >= 1; got ${String(maxTrainSize)}`);
  if (!count(options.testSize, 1)) throw new Error(`${fn}: testSize must be an integer >= 1; got ${String(options.testSize)}`);
  if (k + 1 > n) throw new Error(`${fn}: k + 1 folds (${k + 1}) cannot be greater than the number of samples (${n})`);
  const testSize = options.testSize ?? Math.floor(n / (k + 1));
  if (n - gap - testSize * k <= 0) {
    throw new Error(`${fn}: too many splits (k ${k}) for ${n} samples with testSize ${testSize} and gap ${gap}`);
  }
  const range = (from: number, to: number) => Int32Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  return Array.from({ length: k }, (_, s) => {
    const testStart = n - k * testSize + s * testSize;
    const trainEnd = testStart - gap;
    const trainStart = maxTrainSize !== undefined && maxTrainSize < trainEnd ? trainEnd - maxTrainSize : 0;
    return { train: range(trainStart, trainEnd), test: range(testStart, testStart + testSize) };
  });
}
