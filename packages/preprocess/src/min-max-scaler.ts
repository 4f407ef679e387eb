import { any, boolean, checkOptions } from '@lab/core';
import type { Matrix, MatrixInput } from './matrix.js';
import { nullIfNaN } from './simple-imputer.js';
import type { Table } from './table.js';
import { Transformer, type TransformerJSON } from './transformer.js';

/** Options of {@link MinMaxScaler}. */
export interface MinMaxScalerOptions {
  /** `[min, max]` of the transformed data, min < max; default `[0, 1]`. */
  featureRange?: readonly [number, number];
  /** Clip transformed values to `featureRange` (for data outside the fitted range); default false. */
  clip?: boolean;
}

/**
 * scikit-learn's `MinMaxScaler`: `x * scale_ + min_` per column, mapping the fitted column range
 * `[dataMin_, dataMax_]` onto `featureRange`. A constant column gets scale 1 (scikit-learn's
 * `_handle_zeros_in_scale`). NaN cells are ignored by `fit` and kept by `transform`; a column
 * that is all NaN gets NaN statistics. `partialFit` widens the fitted range batch by batch
 * (a batch whose column is all NaN makes that column's range NaN, as numpy's `minimum` does in
 * scikit-learn's).
 *
 * @example
 * new MinMaxScaler().fitTransform([[1], [3], [5]]) // → [[0], [0.5], [1]]
 */
export class MinMaxScaler extends Transformer {
  /** The checked options, defaults filled in. */
  readonly options: { featureRange: [number, number]; clip: boolean };
  /** Column minima seen by `fit`. */
  dataMin_: Float64Array | undefined = undefined;
  /** Column maxima seen by `fit`. */
  dataMax_: Float64Array | undefined = undefined;
  /** Per-column factor. */
  scale_: Float64Array | undefined = undefined;
  /** Per-column offset, added after scaling. */
  min_: Float64Array | undefined = undefined;
  /** `dataMax_ - dataMin_` per column. */
  dataRange_: Float64Array | undefined = undefined;
  /** Rows seen by `fit` and `partialFit`, NaN cells included (scikit-learn's `n_samples_seen_`). */
  nSamplesSeen_: number | undefined = undefined;

  /** @param options see {@link MinMaxScalerOptions}; checked here */
  constructor(options: MinMaxScalerOptions = {}) {
    super();
    // featureRange keeps its own check (its message predates the constraints).
    checkOptions('MinMaxScaler', options, { featureRange: any(), clip: boolean() });
    const [low, high] = options.featureRange ?? [0, 1];
    if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) {
      throw new Error(`MinMaxScaler: featureRange must be [min, max] with min < max, got [${options.featureRange?.join(', ')}]`);
    }
    this.options = { featureRange: [low, high], clip: options.clip ?? false };
  }

  /** Reads back {@link MinMaxScaler.toJSON}'s output. */
  static fromJSON(json: TransformerJSON): MinMaxScaler {
    const scaler = new MinMaxScaler(json.params as MinMaxScalerOptions);
    const state = json.state as Record<string, (number | null)[]> | null;
    if (state) {
      const read = (key: string) => Float64Array.from(state[key]!, (v) => v ?? Number.NaN);
      scaler.dataMin_ = read('dataMin');
      scaler.dataMax_ = read('dataMax');
      scaler.scale_ = read('scale');
      scaler.min_ = read('min');
      scaler.dataRange_ = scaler.dataMax_.map((hi, c) => hi - scaler.dataMin_![c]!);
      scaler.nSamplesSeen_ = (state.nSamplesSeen as unknown as number | undefined) ?? undefined;
      scaler.featureNamesIn_ = (state.featureNamesIn as unknown as string[] | undefined) ?? undefined;
      scaler.nFeaturesIn_ = scaler.min_.length;
    }
    return scaler;
  }

  /** Options and learned arrays as JSON. */
  toJSON(): TransformerJSON {
    const write = (a: Float64Array) => Array.from(a, nullIfNaN);
    const state = this.min_
      ? {
          dataMin: write(this.dataMin_!),
          dataMax: write(this.dataMax_!),
          scale: write(this.scale_!),
          min: write(this.min_),
          nSamplesSeen: this.nSamplesSeen_,
          ...(this.featureNamesIn_ ? { featureNamesIn: [...this.featureNamesIn_] } : {}),
        }
      : null;
    return { type: 'MinMaxScaler', params: { ...this.options }, state };
  }

  /**
   * Widens the fitted range with the rows of `x` (scikit-learn's `partial_fit`); the first call on
   * an unfitted scaler starts afresh. Returns `this`.
   */
  partialFit(x: MatrixInput | Table): this {
    this.update(this.readPartial(x), false);
    return this;
  }

  protected fitMatrix(m: Matrix): void {
    this.update(m, true);
  }

  private update(m: Matrix, reset: boolean): void {
    const lo = new Float64Array(m.cols).fill(Number.NaN);
    const hi = new Float64Array(m.cols).fill(Number.NaN);
    for (let i = 0; i < m.data.length; i++) {
      const v = m.data[i]!;
      const c = i % m.cols;
      if (Number.isNaN(v)) continue;
      if (!(v >= lo[c]!)) lo[c] = v;
      if (!(v <= hi[c]!)) hi[c] = v;
    }
    const first = reset || this.dataMin_ === undefined;
    // np.minimum / np.maximum: NaN on either side gives NaN.
    const merge = (a: number, b: number, pick: (a: number, b: number) => number) => (Number.isNaN(a) || Number.isNaN(b) ? Number.NaN : pick(a, b));
    if (!first) {
      lo.forEach((l, c) => {
        lo[c] = merge(l, this.dataMin_![c]!, Math.min);
      });
      hi.forEach((h, c) => {
        hi[c] = merge(h, this.dataMax_![c]!, Math.max);
      });
    }
    this.nSamplesSeen_ = (first ? 0 : (this.nSamplesSeen_ ?? 0)) + m.rows;
    const [low, high] = this.options.featureRange;
    this.dataMin_ = lo;
    this.dataMax_ = hi;
    this.dataRange_ = hi.map((h, c) => h - lo[c]!);
    this.scale_ = this.dataRange_.map((range) => (high - low) / (range < 10 * Number.EPSILON ? 1 : range));
    this.min_ = lo.map((l, c) => low - l * this.scale_![c]!);
  }

  protected transformMatrix(m: Matrix): Matrix {
    const [low, high] = this.options.featureRange;
    const data = Float64Array.from(m.data);
    for (let i = 0; i < data.length; i++) {
      const c = i % m.cols;
      data[i] = data[i]! * this.scale_![c]! + this.min_![c]!;
      if (this.options.clip) data[i] = Math.min(Math.max(data[i]!, low), high);
    }
    return { ...m, data };
  }

  protected override inverseMatrix(m: Matrix): Matrix {
    const data = Float64Array.from(m.data);
    for (let i = 0; i < data.length; i++) data[i] = (data[i]! - this.min_![i % m.cols]!) / this.scale_![i % m.cols]!;
    return { ...m, data };
  }
}
