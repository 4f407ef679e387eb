import { array, checkOptions, object, oneOf, string } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import type { Table } from './table.js';
import { type ColumnKind, type ColumnSpec, inferColumnKinds } from './column-kinds.js';
import { ColumnTransformer } from './column-transformer.js';
import type { ColumnTransformerJSON } from './column-transformer-types.js';
import { type TableColumn, TableTarget, type TableTargetJSON, type TableTask } from './table-target.js';

/** How {@link TablePreprocessing.fit} imputes and scales numeric columns. */
export interface TablePreprocessingOptions {
  /** Numeric columns' imputer (default `'mean'`); categorical ones take the most frequent value. */
  impute?: 'mean' | 'median' | 'most_frequent' | 'knn';
  /** Numeric columns' scaler (default `'standard'`). */
  scale?: 'standard' | 'minmax' | 'none';
  /** Columns of the raw table that are neither features nor the target: accepted and left out at prediction. */
  ignored?: readonly string[];
  /** Column kinds to use instead of the inferred ones, by name (`{ Year: 'categorical' }`). */
  kinds?: Record<string, ColumnKind>;
}

/** {@link TablePreprocessing}'s JSON form: the file `preprocessing.json` beside a table model's model.json. */
export interface TablePreprocessingJSON {
  format: 'lab-table-preprocessing';
  version: 1;
  /** The feature columns and their kinds, in the raw table's order. */
  columns: ColumnSpec[];
  /** Raw columns left out (the `--ignore` list). */
  ignored: string[];
  /** The fitted column transformer. */
  transformer: ColumnTransformerJSON;
  /** The target: its name and labels, or its scaling. */
  target: TableTargetJSON;
  /** The model's input features, in order (`num__bill_length_mm`, `cat__Island_Biscoe`, …). */
  featureNames: string[];
}

const OPTIONS = { impute: oneOf('mean', 'median', 'most_frequent', 'knn'), scale: oneOf('standard', 'minmax', 'none'), ignored: array(string()), kinds: object() };

/**
 * Everything a table model needs between raw rows and its input and output, fitted on the
 * training rows only and saved with the model: the feature columns and their kinds, the fitted
 * {@link ColumnTransformer} (impute → scale for numbers, impute → one-hot for categories), and
 * the {@link TableTarget}. At prediction, a raw table (CSV/JSON rows, missing values included) goes
 * through {@link TablePreprocessing.transform}; a column it does not know, or one missing that it
 * needs, is an error naming it.
 */
export class TablePreprocessing {
  private constructor(
    /** The feature columns and kinds. */
    readonly columns: ColumnSpec[],
    /** Raw columns left out. */
    readonly ignored: string[],
    /** The fitted transformer. */
    readonly transformer: ColumnTransformer,
    /** The fitted target. */
    readonly target: TableTarget,
  ) {}

  /** Fits the preprocessing on the training rows: `features` (every feature column) and their `target` values. */
  static fit(features: Table, targetName: string, target: TableColumn, task: TableTask, options: TablePreprocessingOptions = {}): TablePreprocessing {
    checkOptions('TablePreprocessing.fit', options, OPTIONS);
    const { ignored = [] } = options;
    const columns = inferColumnKinds(features, options.kinds ? { kinds: options.kinds } : {});
    const transformer = new ColumnTransformer({ columns, numeric: { impute: options.impute ?? 'mean', scale: options.scale ?? 'standard' } });
    transformer.fit(features);
    return new TablePreprocessing(columns, [...ignored], transformer, TableTarget.fit(targetName, target, task));
  }

  /** Reads back {@link TablePreprocessing.toJSON}'s output, checking it. */
  static fromJSON(json: TablePreprocessingJSON): TablePreprocessing {
    if (json?.format !== 'lab-table-preprocessing' || json.version !== 1) {
      throw new Error(`TablePreprocessing.fromJSON: expected { format: 'lab-table-preprocessing', version: 1 }, got ${JSON.stringify(json)?.slice(0, 80)}`);
    }
    if (!Array.isArray(json.columns) || !Array.isArray(json.ignored)) throw new Error('TablePreprocessing.fromJSON: columns and ignored must be arrays');
    return new TablePreprocessing(
      json.columns.map((c) => ({ ...c })),
      [...json.ignored],
      ColumnTransformer.fromJSON(json.transformer),
      TableTarget.fromJSON(json.target),
    );
  }

  /** The model's input features, in order. */
  get featureNames(): string[] {
    return this.transformer.getFeatureNamesOut();
  }

  /**
   * The model input for a raw table: its feature columns coerced to their kinds, imputed, scaled
   * and one-hot encoded as fitted, as a float32 `[rows, features]` tensor (the caller disposes
   * it). The table may hold the target and the ignored columns; any other unknown column, or a
   * missing feature column, is an error naming it.
   */
  transform(table: Table): tf.Tensor2D {
    const known = new Set([...this.columns.map((c) => c.name), ...this.ignored, this.target.name]);
    const unknown = table.names.filter((n) => !known.has(n));
    if (unknown.length > 0) {
      throw new Error(`the model does not know the column${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `'${n}'`).join(', ')}; it takes ${this.columns.map((c) => c.name).join(', ')}`);
    }
    const missing = this.columns.filter((c) => !table.names.includes(c.name)).map((c) => `'${c.name}'`);
    if (missing.length > 0) throw new Error(`the table lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} that the model needs`);
    const features: Table = { names: this.columns.map((c) => c.name), columns: this.columns.map((c) => table.columns[table.names.indexOf(c.name)]!) };
    const { data, rows, cols } = this.transformer.transform(features);
    return tf.tensor2d(data, [rows, cols]);
  }

  /** One line on what was fitted, for a log. */
  describe(): string {
    const count = (kind: string) => this.columns.filter((c) => c.kind === kind).length;
    const kinds = ['numeric', 'categorical', 'boolean', 'date'].filter((k) => count(k) > 0).map((k) => `${count(k)} ${k}`);
    return `${this.columns.length} columns (${kinds.join(', ')}) → ${this.featureNames.length} features`;
  }

  /** The JSON form saved as `preprocessing.json`. */
  toJSON(): TablePreprocessingJSON {
    return {
      format: 'lab-table-preprocessing',
      version: 1,
      columns: this.columns.map((c) => ({ ...c })),
      ignored: [...this.ignored],
      transformer: this.transformer.toJSON(),
      target: this.target.toJSON(),
      featureNames: this.featureNames,
    };
  }
}
