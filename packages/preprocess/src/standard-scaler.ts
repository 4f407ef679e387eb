import { boolean, checkOptions } from '@lab/core';
import type { Matrix, MatrixInput } from './matrix.js';
import { nullIfNaN } from './simple-imputer.js';
import type { Table } from './table.js';
import { Transformer, type TransformerJSON } from './transformer.js';

/** Options of {@link StandardScaler}. */
export interface StandardScalerOptions {
  /** Subtract the column mean; default true. */
  withMean?: boolean;
  /** Divide by the column standard deviation (ddof 0); default true. */
  withStd?: boolean;
}

/**
 * scikit-learn's `StandardScaler`: `(x - mean_) / scale_` per column, where `var_` is the
 * population variance (ddof 0, scikit-learn's corrected two-pass formula) and `scale_` its square
 * root — 1 for (numerically) constant columns, which are then only centred. NaN cells are ignored
 * by `fit` and kept by `transform`. `mean_` is undefined when neither option is on; `var_` and
 * `scale_` when `withStd` is false. `partialFit` adds batches with scikit-learn's incremental
 * formula (Chan, Golub and LeVeque), so batches give what one `fit` on them all gives, to rounding.
 *
 * @example
 * new StandardScaler().fitTransform([[0], [2]]) // → [[-1], [1]]
 */
export class StandardScaler extends Transformer {
  /** The checked options, defaults filled in. */
  readonly options: Required<StandardScalerOptions>;
  /** Column means. */
  mean_: Float64Array | undefined = undefined;
  /** Column variances (ddof 0). */
  var_: Float64Array | undefined = undefined;
  /** Column scales: `sqrt(var_)`, 1 for constant columns. */
  scale_: Float64Array | undefined = undefined;
  /**
   * Non-NaN samples seen per column (scikit-learn's `n_samples_seen_`, which it collapses to one
   * integer when every column has the same count; here always one count per column).
   */
  nSamplesSeen_: Float64Array | undefined = undefined;

  /** @param options see {@link StandardScalerOptions}; checked here */
  constructor(options: StandardScalerOptions = {}) {
    super();
    checkOptions('StandardScaler', options, { withMean: boolean(), withStd: boolean() });
    this.options = { withMean: options.withMean ?? true, withStd: options.withStd ?? true };
  }

  /** Reads back {@link StandardScaler.toJSON}'s output. */
  static fromJSON(json: TransformerJSON): StandardScaler {
    const scaler = new StandardScaler(json.params as StandardScalerOptions);
    const state = json.state as Record<string, (number | null)[] | null> | null;
    if (state) {
      const read = (key: string) => (state[key] ? Float64Array.from(state[key]!, (v) => v ?? Number.NaN) : undefined);
      scaler.mean_ = read('mean');
      scaler.var_ = read('var');
      scaler.scale_ = read('scale');
      scaler.nSamplesSeen_ = read('nSamplesSeen');
      scaler.nFeaturesIn_ = scaler.nSamplesSeen_?.length;
      scaler.featureNamesIn_ = (state.featureNamesIn as unknown as string[] | undefined) ?? undefined;
    }
    return scaler;
  }

  /** Options and learned arrays as JSON. */
  toJSON(): TransformerJSON {
    const write = (a: Float64Array | undefined) => (a ? Array.from(a, nullIfNaN) : null);
    const state = this.nSamplesSeen_
      ? {
          mean: write(this.mean_),
          var: write(this.var_),
          scale: write(this.scale_),
          nSamplesSeen: write(this.nSamplesSeen_),
          ...(this.featureNamesIn_ ? { featureNamesIn: [...this.featureNamesIn_] } : {}),
        }
      : null;
    return { type: 'StandardScaler', params: { ...this.options }, state };
  }

  /**
   * Adds the samples of `x` to what earlier `fit` / `partialFit` calls saw (scikit-learn's
   * `partial_fit`); the first call on an unfitted scaler starts afresh. Returns `this`.
   */
  partialFit(x: MatrixInput | Table): this {
    this.update(this.readPartial(x));
    return this;
  }

  protected fitMatrix(m: Matrix): void {
    this.mean_ = undefined;
    this.var_ = undefined;
    this.nSamplesSeen_ = undefined;
    this.update(m);
  }

  private update(m: Matrix): void {
    const { withMean, withStd } = this.options;
    const last = this.nSamplesSeen_ ?? new Float64Array(m.cols);
    if (!withMean && !withStd) {
      this.nSamplesSeen_ = last.map((n, c) => n + batchStats(m, c).count);
      return;
    }
    // scikit-learn starts from mean 0 and variance 0 (None without withStd).
    const lastMean = this.mean_ ?? new Float64Array(m.cols);
    const lastVar = withStd ? (this.var_ ?? new Float64Array(m.cols)) : undefined;
    const mean = new Float64Array(m.cols);
    const variance = new Float64Array(m.cols);
    const seen = new Float64Array(m.cols);
    for (let c = 0; c < m.cols; c++) {
      const [lastCount, lastSum] = [last[c]!, lastMean[c]! * last[c]!];
      const { count, sum } = batchStats(m, c);
      seen[c] = lastCount + count;
      mean[c] = (lastSum + sum) / seen[c]!;
      if (lastVar === undefined) continue;
      // The corrected two-pass variance of the batch around its own mean, then Chan et al.'s merge.
      const { sum: correction, squares } = batchStats(m, c, sum / count);
      const batchUnnormalised = squares - (correction * correction) / count;
      const lastOverNew = lastCount / count;
      const merged =
        lastCount === 0
          ? batchUnnormalised
          : lastVar[c]! * lastCount + batchUnnormalised + (lastOverNew / seen[c]!) * (lastSum / lastOverNew - sum) ** 2;
      variance[c] = merged / seen[c]!;
    }
    this.mean_ = mean;
    this.nSamplesSeen_ = seen;
    this.var_ = lastVar === undefined ? undefined : variance;
    this.scale_ = lastVar === undefined ? undefined : variance.map((v, c) => (isConstant(v, mean[c]!, seen[c]!) ? 1 : Math.sqrt(v)));
  }

  protected transformMatrix(m: Matrix): Matrix {
    const data = Float64Array.from(m.data);
    for (let i = 0; i < data.length; i++) {
      const c = i % m.cols;
      if (this.options.withMean) data[i]! -= this.mean_![c]!;
      if (this.options.withStd) data[i]! /= this.scale_![c]!;
    }
    return { ...m, data };
  }

  protected override inverseMatrix(m: Matrix): Matrix {
    const data = Float64Array.from(m.data);
    for (let i = 0; i < data.length; i++) {
      const c = i % m.cols;
      if (this.options.withStd) data[i]! *= this.scale_![c]!;
      if (this.options.withMean) data[i]! += this.mean_![c]!;
    }
    return { ...m, data };
  }
}

/**
 * Column `c`'s non-NaN count, and the sum and sum of squares of `x - center` (of `x` without a
 * center) over its non-NaN terms: numpy's `nansum`, 0 when all are NaN, as when `center` is NaN.
 */
function batchStats(m: Matrix, c: number, center?: number): { count: number; sum: number; squares: number } {
  let [count, sum, squares] = [0, 0, 0];
  for (let r = 0; r < m.rows; r++) {
    const v = m.data[r * m.cols + c]!;
    if (Number.isNaN(v)) continue;
    count++;
    const d = center === undefined ? v : v - center;
    if (Number.isNaN(d)) continue;
    sum += d;
    squares += d * d;
  }
  return { count, sum, squares };
}

/** scikit-learn's `_is_constant_feature`: a variance within rounding error of 0. */
function isConstant(variance: number, mean: number, n: number): boolean {
  const eps = Number.EPSILON;
  return variance <= n * eps * variance + (n * mean * eps) ** 2;
}
