import { clip } from './cells.js';
import type { NumericColumnOptions } from './column-transformer-options.js';
import { KNNImputer } from './knn-imputer.js';
import type { MatrixArray } from './matrix.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import type { TransformerJSON } from './transformer.js';

/** The numeric block's fitted state as JSON. */
export interface NumericBlockJSON {
  /** Missing cells of each column at fit. */
  missing: number[];
  imputer: TransformerJSON;
  scaler: TransformerJSON | null;
}

type Imputer = SimpleImputer | KNNImputer;
type Scaler = StandardScaler | MinMaxScaler;

/**
 * The `num` branch of scikit-learn's usual `ColumnTransformer`: `Pipeline([imputer, scaler])`
 * over the numeric, boolean and date columns, computed in float64 by lab's `SimpleImputer` or
 * `KNNImputer` and `StandardScaler` or `MinMaxScaler`. Columns entirely missing at fit are dropped
 * (scikit-learn 1.2), except with `impute: 'constant'`.
 */
export class NumericBlock {
  private constructor(
    readonly names: readonly string[],
    readonly options: NumericColumnOptions,
    readonly imputer: Imputer,
    readonly scaler: Scaler | null,
    /** Missing cells of each column at fit. */
    readonly missing: readonly number[],
    /** The rows seen by fit. */
    readonly rows: number,
  ) {}

  /** Fits the imputer, then the scaler on the imputed columns. */
  static fit(names: readonly string[], columns: readonly Float64Array[], options: NumericColumnOptions): NumericBlock {
    const x = toMatrix(names, columns, 'fit');
    const imputer = makeImputer(options).fit(x);
    const scaler = makeScaler(options);
    const missing = columns.map((column) => column.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0));
    scaler?.fit(imputer.transform(x));
    return new NumericBlock(names, options, imputer, scaler, missing, x.shape[0]);
  }

  /** Reads back {@link NumericBlock.toJSON}'s output (checked by the caller). */
  static fromJSON(names: readonly string[], options: NumericColumnOptions, json: NumericBlockJSON, rows: number): NumericBlock {
    const imputer = json.imputer.type === 'KNNImputer' ? KNNImputer.fromJSON(json.imputer) : SimpleImputer.fromJSON(json.imputer);
    const scaler = json.scaler === null ? null : json.scaler.type === 'MinMaxScaler' ? MinMaxScaler.fromJSON(json.scaler) : StandardScaler.fromJSON(json.scaler);
    return new NumericBlock(names, options, imputer, scaler, [...json.missing], rows);
  }

  /** Whether each column is kept in the output (not entirely missing at fit, or imputed with a constant). */
  get kept(): boolean[] {
    return this.missing.map((m) => this.options.impute === 'constant' || m < this.rows);
  }

  /** The imputed, scaled columns, row-major float64, one column per kept input column. */
  transform(columns: readonly Float64Array[]): MatrixArray<Float64Array> {
    const imputed = this.imputer.transform(toMatrix(this.names, columns, 'transform'));
    return this.scaler ? this.scaler.transform(imputed) : imputed;
  }

  /** The fitted state as JSON. */
  toJSON(): NumericBlockJSON {
    return { missing: [...this.missing], imputer: this.imputer.toJSON(), scaler: this.scaler?.toJSON() ?? null };
  }
}

function makeImputer(options: NumericColumnOptions): Imputer {
  const { impute = 'mean', fillValue, nNeighbors } = options;
  if (impute === 'knn') return new KNNImputer({ nNeighbors });
  return new SimpleImputer({ strategy: impute === 'most_frequent' ? 'mostFrequent' : impute, fillValue });
}

function makeScaler(options: NumericColumnOptions): Scaler | null {
  return options.scale === 'none' ? null : options.scale === 'minmax' ? new MinMaxScaler() : new StandardScaler();
}

/** The columns side by side, row-major; an infinite cell is an error naming its column and 1-based row. */
function toMatrix(names: readonly string[], columns: readonly Float64Array[], method: string): MatrixArray<Float64Array> {
  const rows = columns[0]?.length ?? 0;
  const cols = columns.length;
  const data = new Float64Array(rows * cols);
  columns.forEach((column, c) => {
    for (let r = 0; r < rows; r++) {
      const v = column[r]!;
      if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
        throw new Error(`ColumnTransformer.${method}: column "${clip(names[c]!)}" holds ${v} at row ${r + 1}; only finite numbers or missing cells are allowed`);
      }
      data[r * cols + c] = v;
    }
  });
  return { data, shape: [rows, cols] };
}
