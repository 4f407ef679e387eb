import { boolean, checkOptions } from '@lab/core';
import type { Matrix } from './matrix.js';
import { nullIfNaN } from './simple-imputer.js';
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
 * `scale_` when `withStd` is false.
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
  /** Non-NaN samples seen per column. */
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
    }
    return scaler;
  }

  /** Options and learned arrays as JSON. */
  toJSON(): TransformerJSON {
    const write = (a: Float64Array | undefined) => (a ? Array.from(a, nullIfNaN) : null);
    const state = this.nSamplesSeen_ ? { mean: write(this.mean_), var: write(this.var_), scale: write(this.scale_), nSamplesSeen: write(this.nSamplesSeen_) } : null;
    return { type: 'StandardScaler', params: { ...this.options }, state };
  }

  protected fitMatrix(m: Matrix): void {
    const { rows, cols, data } = m;
    const count = new Float64Array(cols);
    const sum = new Float64Array(cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const v = data[r * cols + c]!;
        if (!Number.isNaN(v)) {
          sum[c]! += v;
          count[c]!++;
        }
      }
    }
    this.nSamplesSeen_ = count;
    const { withMean, withStd } = this.options;
    this.mean_ = withMean || withStd ? sum.map((s, c) => s / count[c]!) : undefined;
    if (!withStd) {
      this.var_ = undefined;
      this.scale_ = undefined;
      return;
    }
    const mean = this.mean_!;
    const correction = new Float64Array(cols);
    const squares = new Float64Array(cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const d = data[r * cols + c]! - mean[c]!;
        if (!Number.isNaN(d)) {
          correction[c]! += d;
          squares[c]! += d * d;
        }
      }
    }
    const variance = squares.map((s, c) => (s - (correction[c]! * correction[c]!) / count[c]!) / count[c]!);
    this.var_ = variance;
    const eps = Number.EPSILON;
    this.scale_ = variance.map((v, c) => {
      const n = count[c]!;
      // scikit-learn's _is_constant_feature: a variance within rounding error of 0.
      const constant = v <= n * eps * v + (n * mean[c]! * eps) ** 2;
      return constant ? 1 : Math.sqrt(v);
    });
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
