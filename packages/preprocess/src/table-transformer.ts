import { array, checkOptions, integer, number, object, oneOf, string } from '@lab/core';
import { KNNImputer } from './knn-imputer.js';
import type { MatrixArray } from './matrix.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { Pipeline, type PipelineJSON, type PipelineStep } from './pipeline.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import { rowCount, type Table } from './table.js';
import { type ColumnSpec, coerceTable } from './table-columns.js';

/** How {@link ColumnTransformer} treats numeric (and boolean and date) columns. */
export interface NumericColumnOptions {
  /** Imputer: scikit-learn's `SimpleImputer` strategies or `KNNImputer` (`'knn'`). Default `'mean'`. */
  impute?: 'mean' | 'median' | 'most_frequent' | 'constant' | 'knn';
  /** `constant`'s value (default 0). */
  fillValue?: number;
  /** `knn`'s neighbours (default 5). */
  nNeighbors?: number;
  /** Scaler after the imputer: `StandardScaler`, `MinMaxScaler` or none. Default `'standard'`. */
  scale?: 'standard' | 'minmax' | 'none';
}

/** How {@link ColumnTransformer} treats categorical columns: an imputer, then `OneHotEncoder(handleUnknown: 'ignore')`. */
export interface CategoricalColumnOptions {
  /** `'most_frequent'` (default; ties: the smallest by code point, as scikit-learn) or `'constant'`. */
  impute?: 'most_frequent' | 'constant';
  /** `constant`'s value (default `'missing_value'`, scikit-learn's). */
  fillValue?: string;
}

/** Options of {@link ColumnTransformer}. */
export interface ColumnTransformerOptions {
  /** The input columns and their kinds. */
  columns: readonly ColumnSpec[];
  numeric?: NumericColumnOptions;
  categorical?: CategoricalColumnOptions;
}

/** {@link ColumnTransformer}'s JSON form. */
export interface ColumnTransformerJSON {
  format: 'lab-column-transformer';
  version: 1;
  columns: ColumnSpec[];
  numeric: Required<Pick<NumericColumnOptions, 'impute' | 'scale'>> & NumericColumnOptions;
  categorical: Required<CategoricalColumnOptions>;
  /** The fitted numeric pipeline (imputer → scaler), or null when not fitted or without numeric columns. */
  numericPipeline: PipelineJSON | null;
  /** The fitted categorical fill values and categories, or null. */
  categoricalState: { fill: string[]; categories: string[][] } | null;
}

const OPTIONS = { columns: array(object()), numeric: object(), categorical: object() };
const NUMERIC = { impute: oneOf('mean', 'median', 'most_frequent', 'constant', 'knn'), fillValue: number(), nNeighbors: integer({ min: 1 }), scale: oneOf('standard', 'minmax', 'none') };
const CATEGORICAL = { impute: oneOf('most_frequent', 'constant'), fillValue: string() };
const IMPUTERS = { mean: 'mean', median: 'median', most_frequent: 'mostFrequent', constant: 'constant' } as const;

/**
 * scikit-learn's `ColumnTransformer` for the pipeline people write for a table:
 * `ColumnTransformer([('num', Pipeline([imputer, scaler]), numeric), ('cat', Pipeline([imputer,
 * OneHotEncoder(handle_unknown='ignore')]), categorical)])`. Numeric, boolean and date columns form
 * the `num` block, categorical ones the `cat` block; the output is the `num` block's columns then
 * the one-hot columns, named as `get_feature_names_out()` names them (`num__Weight`,
 * `cat__Origin_Japan`). Fitted on the training rows only; new rows are imputed with the fitted
 * statistics, and a category not seen in fit encodes as all zeros. A column entirely missing in
 * the fitted rows is an error naming it (scikit-learn would drop it silently).
 *
 * @example
 * const ct = new ColumnTransformer({ columns: inferColumnKinds(table) }).fit(table);
 * const { data, shape } = ct.transform(table); // float32 [rows, features]
 */
export class ColumnTransformer {
  readonly columns: readonly ColumnSpec[];
  readonly numeric: ColumnTransformerJSON['numeric'];
  readonly categorical: Required<CategoricalColumnOptions>;
  private numericPipeline: Pipeline | undefined;
  private categoricalState: { fill: string[]; categories: string[][] } | undefined;

  /** @param options see {@link ColumnTransformerOptions}; unknown options are errors */
  constructor(options: ColumnTransformerOptions) {
    checkOptions('ColumnTransformer', options, OPTIONS);
    checkOptions('ColumnTransformer numeric', options.numeric ?? {}, NUMERIC);
    checkOptions('ColumnTransformer categorical', options.categorical ?? {}, CATEGORICAL);
    if (!Array.isArray(options.columns) || options.columns.length === 0) throw new Error('ColumnTransformer: columns must list at least one { name, kind }');
    this.columns = options.columns.map((c) => ({ name: c.name, kind: c.kind }));
    this.numeric = { impute: 'mean', scale: 'standard', ...options.numeric };
    this.categorical = { impute: 'most_frequent', fillValue: 'missing_value', ...options.categorical };
  }

  /** Restores {@link ColumnTransformer.toJSON}'s output, checking it. */
  static fromJSON(json: ColumnTransformerJSON): ColumnTransformer {
    if (json?.format !== 'lab-column-transformer' || json.version !== 1) {
      throw new Error(`ColumnTransformer.fromJSON: expected { format: 'lab-column-transformer', version: 1 }, got ${JSON.stringify(json)?.slice(0, 80)}`);
    }
    const ct = new ColumnTransformer({ columns: json.columns, numeric: json.numeric, categorical: json.categorical });
    ct.numericPipeline = json.numericPipeline ? Pipeline.fromJSON(json.numericPipeline) : undefined;
    ct.categoricalState = json.categoricalState ? { fill: [...json.categoricalState.fill], categories: json.categoricalState.categories.map((c) => [...c]) } : undefined;
    return ct;
  }

  private get numericColumns(): ColumnSpec[] {
    return this.columns.filter((c) => c.kind !== 'categorical');
  }

  private get categoricalColumns(): ColumnSpec[] {
    return this.columns.filter((c) => c.kind === 'categorical');
  }

  /** Whether `fit` has run. */
  get fitted(): boolean {
    return this.numericPipeline !== undefined || this.categoricalState !== undefined;
  }

  /** Learns the imputers', scalers' and encoder's state from the rows of `table`, which must hold every column. Returns `this`. */
  fit(table: Table): this {
    if (rowCount(table) === 0) throw new Error('ColumnTransformer.fit: the table has no rows');
    const numeric = this.numericColumns;
    const categorical = this.categoricalColumns;
    if (numeric.length > 0) {
      const block = coerceTable(table, numeric);
      block.columns.forEach((column, c) => {
        if ((column as Float64Array).every(Number.isNaN) && this.numeric.impute !== 'constant') {
          throw new Error(`ColumnTransformer.fit: column '${numeric[c]!.name}' has no values in these rows; leave it out of the columns`);
        }
      });
      this.numericPipeline = new Pipeline(this.numericSteps()).fit(matrixOf(block));
    }
    if (categorical.length > 0) {
      const block = coerceTable(table, categorical);
      const fill = block.columns.map((column, c) => {
        if (this.categorical.impute === 'constant') return this.categorical.fillValue;
        const value = mostFrequentText(column as (string | null)[]);
        if (value === undefined) throw new Error(`ColumnTransformer.fit: column '${categorical[c]!.name}' has no values in these rows; leave it out of the columns`);
        return value;
      });
      const filled = rowsOf(block, fill);
      const encoder = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(filled);
      this.categoricalState = { fill, categories: encoder.categories_!.map((c) => c.map(String)) };
    }
    return this;
  }

  /** The model input for the rows of `table`: float32, row-major `[rows, features]`. */
  transform(table: Table): MatrixArray<Float32Array> {
    if (!this.fitted) throw new Error('ColumnTransformer.transform: not fitted yet; call fit first');
    const rows = rowCount(table);
    const names = this.getFeatureNamesOut();
    const width = names.length;
    const data = new Float32Array(rows * width);
    let offset = 0;
    if (this.numericPipeline) {
      const numeric = this.numericColumns;
      const out = this.numericPipeline.transform(matrixOf(coerceTable(table, numeric)));
      for (let r = 0; r < rows; r++) for (let c = 0; c < numeric.length; c++) data[r * width + c] = out.data[r * numeric.length + c]!;
      offset = numeric.length;
    }
    if (this.categoricalState) {
      const { fill, categories } = this.categoricalState;
      const block = coerceTable(table, this.categoricalColumns);
      const starts = categories.map((_, c) => offset + categories.slice(0, c).reduce((n, cats) => n + cats.length, 0));
      const index = categories.map((cats) => new Map(cats.map((v, i) => [v, i])));
      block.columns.forEach((column, c) => {
        for (let r = 0; r < rows; r++) {
          const at = index[c]!.get((column as (string | null)[])[r] ?? fill[c]!);
          if (at !== undefined) data[r * width + starts[c]! + at] = 1;
        }
      });
    }
    return { data, shape: [rows, width] };
  }

  /** `fit(table)` then `transform(table)`. */
  fitTransform(table: Table): MatrixArray<Float32Array> {
    return this.fit(table).transform(table);
  }

  /** The output columns' names, as scikit-learn's `get_feature_names_out()`: `num__<column>`, `cat__<column>_<category>`. */
  getFeatureNamesOut(): string[] {
    if (!this.fitted) throw new Error('ColumnTransformer.getFeatureNamesOut: not fitted yet; call fit first');
    const numeric = this.numericPipeline ? this.numericColumns.map((c) => `num__${c.name}`) : [];
    const categorical = this.categoricalState ? this.categoricalColumns.flatMap((c, i) => this.categoricalState!.categories[i]!.map((v) => `cat__${c.name}_${v}`)) : [];
    return [...numeric, ...categorical];
  }

  /** What was fitted, per input column: its kind and fill value, its scaling or its categories. */
  summary(): { name: string; kind: string; fill: number | string; mean?: number; scale?: number; min?: number; max?: number; categories?: string[] }[] {
    if (!this.fitted) throw new Error('ColumnTransformer.summary: not fitted yet; call fit first');
    const steps = this.numericPipeline?.steps ?? [];
    const imputer = steps[0]?.[1];
    const scaler = steps[1]?.[1];
    const numeric = this.numericColumns.map((c, i) => ({
      name: c.name,
      kind: c.kind,
      fill: imputer instanceof SimpleImputer ? imputer.statistics_![i]! : 'k nearest neighbours',
      ...(scaler instanceof StandardScaler ? { mean: scaler.mean_![i]!, scale: scaler.scale_![i]! } : {}),
      ...(scaler instanceof MinMaxScaler ? { min: scaler.dataMin_![i]!, max: scaler.dataMax_![i]! } : {}),
    }));
    const categorical = this.categoricalColumns.map((c, i) => ({ name: c.name, kind: c.kind, fill: this.categoricalState!.fill[i]!, categories: [...this.categoricalState!.categories[i]!] }));
    return [...numeric, ...categorical];
  }

  /** The options and fitted state as versioned JSON. */
  toJSON(): ColumnTransformerJSON {
    return {
      format: 'lab-column-transformer',
      version: 1,
      columns: this.columns.map((c) => ({ ...c })),
      numeric: { ...this.numeric },
      categorical: { ...this.categorical },
      numericPipeline: this.numericPipeline?.toJSON() ?? null,
      categoricalState: this.categoricalState ? { fill: [...this.categoricalState.fill], categories: this.categoricalState.categories.map((c) => [...c]) } : null,
    };
  }

  private numericSteps(): PipelineStep[] {
    const { impute, fillValue, nNeighbors, scale } = this.numeric;
    const imputer = impute === 'knn' ? new KNNImputer({ nNeighbors: nNeighbors ?? 5 }) : new SimpleImputer({ strategy: IMPUTERS[impute], ...(fillValue === undefined ? {} : { fillValue }) });
    const steps: PipelineStep[] = [['impute', imputer]];
    if (scale === 'standard') steps.push(['scale', new StandardScaler()]);
    if (scale === 'minmax') steps.push(['scale', new MinMaxScaler()]);
    return steps;
  }
}

/** A numeric table as a float64 matrix. */
function matrixOf(table: Table): MatrixArray<Float64Array> {
  const rows = rowCount(table);
  const cols = table.columns.length;
  const data = new Float64Array(rows * cols);
  table.columns.forEach((column, c) => {
    for (let r = 0; r < rows; r++) data[r * cols + c] = (column as Float64Array)[r]!;
  });
  return { data, shape: [rows, cols] };
}

/** Rows of a text table with missing cells filled. */
function rowsOf(table: Table, fill: readonly string[]): string[][] {
  return Array.from({ length: rowCount(table) }, (_, r) => table.columns.map((column, c) => (column as (string | null)[])[r] ?? fill[c]!));
}

/** The most frequent non-missing value; among ties the smallest by code point (scikit-learn's `most_frequent` on objects). */
function mostFrequentText(column: readonly (string | null)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of column) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
