import { any, boolean, checkOptions, oneOf } from '@lab/core';
import { argpartitionInto } from './argpartition.js';
import { missingMask, selectColumns } from './imputer-input.js';
import type { Matrix } from './matrix.js';
import { nanEuclideanRow, nanRows } from './nan-euclidean.js';
import { ANY_NUMBER } from './option-constraints.js';
import { nullIfNaN } from './simple-imputer.js';
import { Transformer, type TransformerJSON } from './transformer.js';

/** Options of {@link KNNImputer}. */
export interface KNNImputerOptions {
  /** How many donors fill each missing cell; default 5. */
  nNeighbors?: number;
  /** `uniform` (default): plain mean of the donors; `distance`: weighted by 1 / distance (a donor at distance 0 takes all the weight). */
  weights?: 'uniform' | 'distance';
  /** The value that marks a missing cell; default NaN. */
  missingValues?: number;
  /** Keep columns entirely missing at fit time, filled with 0, instead of dropping them. Default false, as scikit-learn 1.2. */
  keepEmptyFeatures?: boolean;
}

/**
 * scikit-learn's `KNNImputer`: each missing cell of a row becomes the mean of that column over the
 * `nNeighbors` nearest fitted rows that have the column, by NaN-aware Euclidean distance
 * (`sqrt(features / present · Σ present squared differences)`). A row with no distance to any
 * donor gets the column's fitted mean. Distances are always from the row as given (imputed cells
 * do not count). Ties among donors are broken as numpy's `argpartition` breaks them, so results
 * equal scikit-learn 1.2's. Columns entirely missing at fit are dropped unless `keepEmptyFeatures`.
 * `fit` keeps a copy of the training rows (`fitX_`), which `toJSON` writes too.
 *
 * @example
 * new KNNImputer({ nNeighbors: 2 }).fitTransform([[1, 2, NaN], [3, 4, 3], [NaN, 6, 5], [8, 8, 7]])
 * // → [[1, 2, 4], [3, 4, 3], [5.5, 6, 5], [8, 8, 7]]
 */
export class KNNImputer extends Transformer {
  /** The checked options, defaults filled in. */
  readonly options: Required<KNNImputerOptions>;
  /** The fitted rows, row-major float64, `nFeaturesIn_` wide. */
  fitX_: Float64Array | undefined = undefined;
  private fitMask: Uint8Array | undefined;

  /** @param options see {@link KNNImputerOptions}; checked here */
  constructor(options: KNNImputerOptions = {}) {
    super();
    // nNeighbors keeps its own check (its message predates the constraints).
    checkOptions('KNNImputer', options, { nNeighbors: any(), weights: oneOf('uniform', 'distance'), missingValues: ANY_NUMBER, keepEmptyFeatures: boolean() });
    const nNeighbors = options.nNeighbors ?? 5;
    if (!(Number.isInteger(nNeighbors) && nNeighbors >= 1)) throw new Error(`KNNImputer: nNeighbors must be an integer >= 1, got ${nNeighbors}`);
    const weights = options.weights ?? 'uniform';
    const missingValues = options.missingValues ?? Number.NaN;
    this.options = { nNeighbors, weights, missingValues, keepEmptyFeatures: options.keepEmptyFeatures ?? false };
  }

  /** Reads back {@link KNNImputer.toJSON}'s output. */
  static fromJSON(json: TransformerJSON): KNNImputer {
    const params = json.params as KNNImputerOptions & { missingValues?: number | null };
    const imputer = new KNNImputer({ ...params, missingValues: params.missingValues ?? Number.NaN });
    if (json.state) {
      const rows = json.state.fitX as (number | null)[][];
      const cols = json.state.nFeaturesIn as number;
      imputer.fitMatrix({ data: Float64Array.from(rows.flat(), (v) => v ?? Number.NaN), rows: rows.length, cols });
      imputer.nFeaturesIn_ = cols;
    }
    return imputer;
  }

  /** Options and the fitted rows (NaN as null) as JSON. */
  toJSON(): TransformerJSON {
    const params = { ...this.options, missingValues: nullIfNaN(this.options.missingValues) };
    const cols = this.nFeaturesIn_;
    const fitX = this.fitX_;
    if (cols === undefined || fitX === undefined) return { type: 'KNNImputer', params, state: null };
    const rows: (number | null)[][] = [];
    for (let r = 0; r < fitX.length / cols; r++) rows.push(Array.from(fitX.subarray(r * cols, (r + 1) * cols), nullIfNaN));
    return { type: 'KNNImputer', params, state: { nFeaturesIn: cols, fitX: rows } };
  }

  protected fitMatrix(m: Matrix): void {
    this.fitMask = missingMask(m, this.options.missingValues, 'KNNImputer.fit');
    this.fitX_ = Float64Array.from(m.data);
  }

  protected transformMatrix(m: Matrix): Matrix {
    const mask = missingMask(m, this.options.missingValues, 'KNNImputer.transform');
    const fitX = this.fitX_!;
    const fitMask = this.fitMask!;
    const cols = m.cols;
    const fitRows = fitX.length / cols;
    // The fitted rows that have each column (scikit-learn's potential donors), in row order.
    const donorsOf = Array.from({ length: cols }, (_, c) => {
      const donors: number[] = [];
      for (let r = 0; r < fitRows; r++) if (!fitMask[r * cols + c]) donors.push(r);
      return Int32Array.from(donors);
    });
    const valid = donorsOf.map((donors) => donors.length > 0);
    const queries = nanRows(m.data, mask, m.rows, cols);
    const fitted = nanRows(fitX, fitMask, fitRows, cols);
    const out = Float64Array.from(m.data);
    // Scratch reused by every row and column: no allocation per row, pair or cell.
    const distances = new Float64Array(fitRows);
    const donorDistances = new Float64Array(fitRows);
    const order = new Int32Array(fitRows);
    for (let r = 0; r < m.rows; r++) {
      let needs = false;
      for (let c = 0; c < cols; c++) needs ||= valid[c]! && mask[r * cols + c] === 1;
      if (!needs) continue;
      // Distances from the row as given (cells imputed so far do not count), as scikit-learn.
      nanEuclideanRow(queries, r, fitted, distances);
      for (let c = 0; c < cols; c++) {
        if (!(valid[c] && mask[r * cols + c])) continue;
        const donors = donorsOf[c]!;
        const dist = donorDistances.subarray(0, donors.length);
        for (let i = 0; i < donors.length; i++) dist[i] = distances[donors[i]!]!;
        out[r * cols + c] = this.impute(dist, donors, c, order);
      }
    }
    if (this.options.keepEmptyFeatures) {
      for (let i = 0; i < out.length; i++) if (!valid[i % cols]) out[i] = 0;
      return { ...m, data: out };
    }
    return selectColumns({ ...m, data: out }, valid);
  }

  /** The value for column `c` from the `donors` (fitted rows having it) at `distances`. */
  private impute(distances: Float64Array, donors: Int32Array, c: number, order: Int32Array): number {
    const fitX = this.fitX_!;
    const cols = this.nFeaturesIn_!;
    let allNaN = true;
    for (let i = 0; i < distances.length && allNaN; i++) allNaN = Number.isNaN(distances[i]!);
    if (allNaN) {
      let sum = 0;
      for (let i = 0; i < donors.length; i++) sum += fitX[donors[i]! * cols + c]!;
      return sum / donors.length;
    }
    const k = Math.min(this.options.nNeighbors, donors.length);
    const nearest = argpartitionInto(distances, k - 1, order);
    // weights 'distance': 1 / distance; a donor at distance 0 takes all the weight, NaN distances weigh nothing.
    const byDistance = this.options.weights === 'distance';
    let atZero = false;
    if (byDistance) for (let j = 0; j < k; j++) atZero ||= 1 / distances[nearest[j]!]! === Number.POSITIVE_INFINITY;
    let sum = 0;
    let total = 0;
    for (let j = 0; j < k; j++) {
      const i = nearest[j]!;
      let weight = 1;
      if (byDistance) {
        const inverse = 1 / distances[i]!;
        weight = atZero ? (inverse === Number.POSITIVE_INFINITY ? 1 : 0) : Number.isNaN(inverse) ? 0 : inverse;
      }
      sum += weight * fitX[donors[i]! * cols + c]!;
      total += weight;
    }
    return sum / total;
  }
}
