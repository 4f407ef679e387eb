import { any, boolean, checkOptions } from '@lab/core';
import { missingMask, selectColumns } from './imputer-input.js';
import type { Matrix } from './matrix.js';
import { ANY_NUMBER } from './option-constraints.js';
import { Transformer, type TransformerJSON } from './transformer.js';

/** How {@link SimpleImputer} fills a column: scikit-learn's strategies, camel-cased. */
export type ImputeStrategy = 'mean' | 'median' | 'mostFrequent' | 'constant';

/** Options of {@link SimpleImputer}. */
export interface SimpleImputerOptions {
  /** Default `mean`. `mostFrequent` breaks ties by the smallest value, as scikit-learn. */
  strategy?: ImputeStrategy;
  /** The value that marks a missing cell; default NaN. */
  missingValues?: number;
  /** The value for `constant`; default 0. */
  fillValue?: number;
  /**
   * Keep columns that were entirely missing at fit time, filled with 0 (`constant`: `fillValue`),
   * instead of dropping them from the output. Default false, as scikit-learn 1.2.
   */
  keepEmptyFeatures?: boolean;
}

const STRATEGIES: readonly ImputeStrategy[] = ['mean', 'median', 'mostFrequent', 'constant'];

/**
 * scikit-learn's `SimpleImputer`: fills missing cells with a per-column statistic learned by
 * `fit` (`statistics_`, float64). Columns entirely missing at fit time have statistic NaN and are
 * dropped by `transform` (so the output has fewer columns), unless `keepEmptyFeatures` or
 * `strategy: 'constant'`. Present values are never changed. Infinity in X is an error; so is NaN
 * when `missingValues` is another number. No `inverseTransform` (scikit-learn has none without
 * missing indicators).
 *
 * @example
 * new SimpleImputer({ strategy: 'median' }).fit([[1, NaN], [3, 4], [5, 8]]).transform([[NaN, NaN]]) // → [[3, 6]]
 */
export class SimpleImputer extends Transformer {
  /** The checked options, defaults filled in. */
  readonly options: Required<SimpleImputerOptions>;
  /** The fill value of each column (NaN: an empty column that transform drops). */
  statistics_: Float64Array | undefined = undefined;

  /** @param options see {@link SimpleImputerOptions}; checked here */
  constructor(options: SimpleImputerOptions = {}) {
    super();
    // strategy keeps its own check (its message predates the constraints).
    checkOptions('SimpleImputer', options, { strategy: any(), missingValues: ANY_NUMBER, fillValue: ANY_NUMBER, keepEmptyFeatures: boolean() });
    const strategy = options.strategy ?? 'mean';
    if (!STRATEGIES.includes(strategy)) throw new Error(`SimpleImputer: strategy must be one of ${STRATEGIES.join(', ')}, got ${String(strategy)}`);
    const fillValue = options.fillValue ?? 0;
    const missingValues = options.missingValues ?? Number.NaN;
    this.options = { strategy, fillValue, missingValues, keepEmptyFeatures: options.keepEmptyFeatures ?? false };
  }

  /** Reads back {@link SimpleImputer.toJSON}'s output. */
  static fromJSON(json: TransformerJSON): SimpleImputer {
    const params = json.params as SimpleImputerOptions & { missingValues?: number | null };
    const imputer = new SimpleImputer({ ...params, missingValues: params.missingValues ?? Number.NaN });
    if (json.state) {
      imputer.statistics_ = Float64Array.from(json.state.statistics as (number | null)[], (v) => v ?? Number.NaN);
      imputer.nFeaturesIn_ = imputer.statistics_.length;
    }
    return imputer;
  }

  /** Options and `statistics_` (NaN as null) as JSON. */
  toJSON(): TransformerJSON {
    const params = { ...this.options, missingValues: nullIfNaN(this.options.missingValues) };
    const state = this.statistics_ ? { statistics: Array.from(this.statistics_, nullIfNaN) } : null;
    return { type: 'SimpleImputer', params, state };
  }

  protected fitMatrix(m: Matrix): void {
    const mask = missingMask(m, this.options.missingValues, 'SimpleImputer.fit');
    const { strategy, keepEmptyFeatures, fillValue } = this.options;
    const statistics = new Float64Array(m.cols);
    for (let c = 0; c < m.cols; c++) {
      const present: number[] = [];
      for (let r = 0; r < m.rows; r++) if (!mask[r * m.cols + c]) present.push(m.data[r * m.cols + c]!);
      if (strategy === 'constant') statistics[c] = fillValue;
      else if (present.length === 0) statistics[c] = keepEmptyFeatures ? 0 : Number.NaN;
      else if (strategy === 'mean') statistics[c] = present.reduce((a, b) => a + b, 0) / present.length;
      else if (strategy === 'median') statistics[c] = median(present);
      else statistics[c] = mostFrequent(present);
    }
    this.statistics_ = statistics;
  }

  protected transformMatrix(m: Matrix): Matrix {
    const mask = missingMask(m, this.options.missingValues, 'SimpleImputer.transform');
    const statistics = this.statistics_!;
    const data = Float64Array.from(m.data);
    for (let i = 0; i < data.length; i++) if (mask[i]) data[i] = statistics[i % m.cols]!;
    const keep = Array.from(statistics, (s) => !Number.isNaN(s));
    return keep.every(Boolean) ? { ...m, data } : selectColumns({ ...m, data }, keep);
  }
}

/** numpy's median: the mean of the two middle values for an even count. */
export function median(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The most frequent value, the smallest among ties (scipy.stats.mode). */
export function mostFrequent(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  let best = sorted[0]!;
  let bestCount = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) {
      best = sorted[i]!;
      bestCount = j - i;
    }
    i = j;
  }
  return best;
}

/** NaN as null, since JSON has no NaN. */
export function nullIfNaN(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
