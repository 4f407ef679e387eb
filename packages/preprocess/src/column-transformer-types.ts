import type { ColumnKind, ColumnSpec } from './column-kinds.js';
import type { CategoricalBlockJSON } from './column-transformer-categorical.js';
import type { NumericBlockJSON } from './column-transformer-numeric.js';
import type { CategoricalColumnOptions, NumericColumnOptions } from './column-transformer-options.js';

/** What {@link ColumnTransformer} learned about one input column. */
export interface ColumnSummary {
  name: string;
  kind: ColumnKind;
  /** Missing cells at fit (each one imputed). */
  missing: number;
  /** Entirely missing at fit, so left out of the output (scikit-learn 1.2's imputers drop such columns). */
  dropped: boolean;
  /** The value that fills a missing cell; null for `knn` (per row, from the neighbours) and for a dropped column. */
  fill: number | string | null;
  /** `scale: 'standard'`: the column's mean and scale (population standard deviation) after imputation. */
  mean?: number;
  scale?: number;
  /** `scale: 'minmax'`: the column's range after imputation. */
  min?: number;
  max?: number;
  /** Categorical: the sorted categories, one output column each. */
  categories?: string[];
  /** The output columns this column became. */
  features: string[];
}

/** {@link ColumnTransformer.summary}'s result. */
export interface ColumnTransformerSummary {
  /** Rows seen by fit. */
  rows: number;
  /** Output columns. */
  features: number;
  /** One entry per input column: the numeric block's columns, then the categorical ones. */
  columns: ColumnSummary[];
}

/** A {@link ColumnTransformer} as plain JSON. */
export interface ColumnTransformerJSON {
  format: 'lab-column-transformer';
  version: 1;
  /** The input columns and their kinds, in order. */
  columns: ColumnSpec[];
  /** The numeric options, defaults filled in. */
  numeric: NumericColumnOptions;
  /** The categorical options, defaults filled in. */
  categorical: CategoricalColumnOptions;
  /** The fitted state, or null before fit. */
  fitted: {
    rows: number;
    /** Null without numeric, boolean or date columns. */
    numeric: NumericBlockJSON | null;
    /** Null without categorical columns. */
    categorical: CategoricalBlockJSON | null;
  } | null;
}
