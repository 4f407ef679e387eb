import { checkOptions } from '@lab/core';
import type { Matrix, MatrixInput } from './matrix.js';
import { nullIfNaN } from './simple-imputer.js';
import type { Table } from './table.js';
import { Transformer, type TransformerJSON } from './transformer.js';

/**
 * scikit-learn's `MaxAbsScaler`: `x / scale_` per column, where `scale_` is the largest absolute
 * value `fit` saw (`maxAbs_`), so each column lands in [-1, 1] without shifting it (zeros stay
 * zero). A column of zeros gets scale 1 (`_handle_zeros_in_scale`). NaN cells are ignored by `fit`
 * (an all-NaN column gets NaN) and kept by `transform`. `partialFit` adds batches; as in
 * scikit-learn, a batch whose column is all NaN makes that column NaN (numpy's `maximum`).
 * No options.
 *
 * @example
 * new MaxAbsScaler().fitTransform([[1, -4], [-2, 2]]) // → [[0.5, -1], [-1, 0.5]]
 */
export class MaxAbsScaler extends Transformer {
  /** Largest absolute value per column. */
  maxAbs_: Float64Array | undefined = undefined;
  /** Per-column divisor: `maxAbs_`, 1 where it is 0. */
  scale_: Float64Array | undefined = undefined;
  /** Rows seen by `fit` and `partialFit`, NaN cells included (scikit-learn's `n_samples_seen_`). */
  nSamplesSeen_: number | undefined = undefined;

  /** @param options none yet; an unknown one is an error */
  constructor(options: Record<string, never> = {}) {
    super();
    checkOptions('MaxAbsScaler', options, {});
  }

  /** Reads back {@link MaxAbsScaler.toJSON}'s output. */
  static fromJSON(json: TransformerJSON): MaxAbsScaler {
    const scaler = new MaxAbsScaler();
    const state = json.state as { maxAbs: (number | null)[]; nSamplesSeen: number; featureNamesIn?: string[] } | null;
    if (state) {
      scaler.setMaxAbs(Float64Array.from(state.maxAbs, (v) => v ?? Number.NaN));
      scaler.nSamplesSeen_ = state.nSamplesSeen;
      scaler.nFeaturesIn_ = state.maxAbs.length;
      scaler.featureNamesIn_ = state.featureNamesIn;
    }
    return scaler;
  }

  /** The learned maxima as JSON. */
  toJSON(): TransformerJSON {
    const state = this.maxAbs_
      ? {
          maxAbs: Array.from(this.maxAbs_, nullIfNaN),
          nSamplesSeen: this.nSamplesSeen_,
          ...(this.featureNamesIn_ ? { featureNamesIn: [...this.featureNamesIn_] } : {}),
        }
      : null;
    return { type: 'MaxAbsScaler', params: {}, state };
  }

  /** Adds the rows of `x` to what earlier calls saw (scikit-learn's `partial_fit`). Returns `this`. */
  partialFit(x: MatrixInput | Table): this {
    this.update(this.readPartial(x), false);
    return this;
  }

  protected fitMatrix(m: Matrix): void {
    this.update(m, true);
  }

  private update(m: Matrix, reset: boolean): void {
    const max = new Float64Array(m.cols).fill(Number.NaN);
    for (let i = 0; i < m.data.length; i++) {
      const v = Math.abs(m.data[i]!);
      const c = i % m.cols;
      if (!Number.isNaN(v) && !(v <= max[c]!)) max[c] = v;
    }
    const first = reset || this.maxAbs_ === undefined;
    // np.maximum with the earlier maxima: NaN on either side gives NaN.
    const merged = first ? max : max.map((v, c) => (Number.isNaN(v) || Number.isNaN(this.maxAbs_![c]!) ? Number.NaN : Math.max(v, this.maxAbs_![c]!)));
    this.nSamplesSeen_ = (first ? 0 : (this.nSamplesSeen_ ?? 0)) + m.rows;
    this.setMaxAbs(merged);
  }

  private setMaxAbs(max: Float64Array): void {
    this.maxAbs_ = max;
    this.scale_ = max.map((v) => (v < 10 * Number.EPSILON ? 1 : v));
  }

  protected transformMatrix(m: Matrix): Matrix {
    return { ...m, data: m.data.map((v, i) => v / this.scale_![i % m.cols]!) };
  }

  protected override inverseMatrix(m: Matrix): Matrix {
    return { ...m, data: m.data.map((v, i) => v * this.scale_![i % m.cols]!) };
  }
}
