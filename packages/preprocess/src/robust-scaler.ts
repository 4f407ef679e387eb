import { any, boolean, checkOptions } from '@lab/core';
import type { Matrix } from './matrix.js';
import { nullIfNaN } from './simple-imputer.js';
import { Transformer, type TransformerJSON } from './transformer.js';

/** Options of {@link RobustScaler}. */
export interface RobustScalerOptions {
  /** Subtract the column median; default true. */
  withCentering?: boolean;
  /** Divide by the column's interquantile range; default true. */
  withScaling?: boolean;
  /** `[qMin, qMax]` percentiles of that range, 0 <= qMin < qMax <= 100; default `[25, 75]` (the IQR). */
  quantileRange?: readonly [number, number];
  /**
   * Also divide by the range's width for a standard normal, `ppf(qMax / 100) - ppf(qMin / 100)`
   * (1.349 for the IQR), so a normal column gets variance 1; default false.
   */
  unitVariance?: boolean;
}

/**
 * scikit-learn's `RobustScaler`: `(x - center_) / scale_` per column, with `center_` the median and
 * `scale_` the `quantileRange` percentiles' difference (numpy's linear interpolation), so outliers
 * barely move them. A zero range gets scale 1 (`_handle_zeros_in_scale`). NaN cells are ignored by
 * `fit` (numpy's `nanmedian`, `nanpercentile`; an all-NaN column gets NaN) and kept by `transform`.
 * `center_` is undefined without `withCentering`, `scale_` without `withScaling`.
 *
 * @example
 * new RobustScaler().fitTransform([[1], [2], [3], [4], [100]]) // → [[-1], [-0.5], [0], [0.5], [49]]
 */
export class RobustScaler extends Transformer {
  /** The checked options, defaults filled in. */
  readonly options: { withCentering: boolean; withScaling: boolean; quantileRange: [number, number]; unitVariance: boolean };
  /** Column medians. */
  center_: Float64Array | undefined = undefined;
  /** Column quantile ranges (divided by the normal's when `unitVariance`), 1 where 0. */
  scale_: Float64Array | undefined = undefined;

  /** @param options see {@link RobustScalerOptions}; checked here */
  constructor(options: RobustScalerOptions = {}) {
    super();
    checkOptions('RobustScaler', options, { withCentering: boolean(), withScaling: boolean(), quantileRange: any(), unitVariance: boolean() });
    const range = options.quantileRange ?? [25, 75];
    const [qMin, qMax] = Array.isArray(range) && range.length === 2 ? range : [Number.NaN, Number.NaN];
    if (!(qMin! >= 0 && qMin! < qMax! && qMax! <= 100)) {
      throw new Error(`RobustScaler: quantileRange must be [qMin, qMax] with 0 <= qMin < qMax <= 100, got ${JSON.stringify(options.quantileRange)}`);
    }
    this.options = {
      withCentering: options.withCentering ?? true,
      withScaling: options.withScaling ?? true,
      quantileRange: [qMin!, qMax!],
      unitVariance: options.unitVariance ?? false,
    };
  }

  /** Reads back {@link RobustScaler.toJSON}'s output. */
  static fromJSON(json: TransformerJSON): RobustScaler {
    const scaler = new RobustScaler(json.params as RobustScalerOptions);
    const state = json.state as { center: (number | null)[] | null; scale: (number | null)[] | null; nFeaturesIn: number; featureNamesIn?: string[] } | null;
    if (state) {
      const read = (a: (number | null)[] | null) => (a ? Float64Array.from(a, (v) => v ?? Number.NaN) : undefined);
      scaler.center_ = read(state.center);
      scaler.scale_ = read(state.scale);
      scaler.nFeaturesIn_ = state.nFeaturesIn;
      scaler.featureNamesIn_ = state.featureNamesIn;
    }
    return scaler;
  }

  /** Options and learned arrays as JSON. */
  toJSON(): TransformerJSON {
    const write = (a: Float64Array | undefined) => (a ? Array.from(a, nullIfNaN) : null);
    const state =
      this.nFeaturesIn_ === undefined
        ? null
        : {
            center: write(this.center_),
            scale: write(this.scale_),
            nFeaturesIn: this.nFeaturesIn_,
            ...(this.featureNamesIn_ ? { featureNamesIn: [...this.featureNamesIn_] } : {}),
          };
    return { type: 'RobustScaler', params: { ...this.options }, state };
  }

  protected fitMatrix(m: Matrix): void {
    const { withCentering, withScaling, quantileRange, unitVariance } = this.options;
    const columns = Array.from({ length: m.cols }, (_, c) => {
      const values: number[] = [];
      for (let r = 0; r < m.rows; r++) {
        const v = m.data[r * m.cols + c]!;
        if (!Number.isNaN(v)) values.push(v);
      }
      return Float64Array.from(values).sort();
    });
    this.center_ = withCentering ? Float64Array.from(columns, median) : undefined;
    if (!withScaling) {
      this.scale_ = undefined;
      return;
    }
    const [qMin, qMax] = quantileRange;
    const adjust = unitVariance ? normalQuantile(qMax / 100) - normalQuantile(qMin / 100) : 1;
    this.scale_ = Float64Array.from(columns, (sorted) => {
      const range = percentile(sorted, qMax) - percentile(sorted, qMin);
      return (range < 10 * Number.EPSILON ? 1 : range) / adjust;
    });
  }

  protected transformMatrix(m: Matrix): Matrix {
    const data = Float64Array.from(m.data);
    for (let i = 0; i < data.length; i++) {
      const c = i % m.cols;
      if (this.center_) data[i]! -= this.center_[c]!;
      if (this.scale_) data[i]! /= this.scale_[c]!;
    }
    return { ...m, data };
  }

  protected override inverseMatrix(m: Matrix): Matrix {
    const data = Float64Array.from(m.data);
    for (let i = 0; i < data.length; i++) {
      const c = i % m.cols;
      if (this.scale_) data[i]! *= this.scale_[c]!;
      if (this.center_) data[i]! += this.center_[c]!;
    }
    return { ...m, data };
  }
}

/** numpy's median of sorted values: the middle one, or the mean of the middle two; NaN when empty. */
function median(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * numpy's `percentile` of sorted values, method `'linear'`: index `q / 100 * (n - 1)` between its
 * neighbours, with numpy's `_lerp` (from the upper neighbour when the fraction is 0.5 or more).
 */
export function percentile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const index = (n - 1) * (q / 100);
  const below = Math.floor(index);
  const t = index - below;
  const a = sorted[below]!;
  const b = sorted[Math.min(below + 1, n - 1)]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * The standard normal quantile (scipy's `norm.ppf`): Newton's method on the CDF
 * `0.5 (1 + erf(x / sqrt 2))`, with erf from its all-positive series
 * `2 / sqrt(pi) exp(-z^2) sum 2^n z^(2n+1) / (2n+1)!!`, accurate to about 1e-15 for p in
 * [1e-12, 1 - 1e-12]; `-Infinity` at 0 and `Infinity` at 1.
 */
export function normalQuantile(p: number): number {
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (!(p > 0 && p < 1)) return Number.NaN;
  if (p < 0.5) return -normalQuantile(1 - p);
  // Upper half: x >= 0, Phi(x) = 0.5 + 0.5 erf(x / sqrt 2).
  let x = Math.sqrt(-2 * Math.log(1 - p)) * 0.9 * Math.min(1, (p - 0.5) * 8);
  for (let i = 0; i < 100; i++) {
    const step = (0.5 + 0.5 * erf(x / Math.SQRT2) - p) / (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI));
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}

function erf(z: number): number {
  let term = z;
  let sum = z;
  for (let n = 1; n < 500 && term > 1e-17 * sum; n++) {
    term *= (2 * z * z) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-z * z) * sum;
}
