import * as tf from '@tensorflow/tfjs-core';
import { type Matrix, type MatrixInput, type MatrixOutput, readMatrix, writeMatrix } from './matrix.js';
import type { Table } from './table.js';

/** A fitted transformer as plain JSON: its class, options and learned state. */
export interface TransformerJSON {
  /** The class name, e.g. `StandardScaler`. */
  type: string;
  /** The constructor options. */
  params: Record<string, unknown>;
  /** The learned state, or null when not fitted. */
  state: Record<string, unknown> | null;
}

/**
 * The scikit-learn shape every table transformer has: options in the constructor, `fit` returns
 * `this`, learned fields end in `_`. Subclasses implement the float64 computations; this class
 * reads and writes every {@link MatrixInput} kind and numeric {@link Table}s (whose names become
 * `featureNamesIn_`), and checks fitted-ness, feature counts and names. No method disposes its
 * input; returned tensors belong to the caller.
 */
export abstract class Transformer {
  /** Number of columns seen by `fit`; undefined before. */
  nFeaturesIn_: number | undefined = undefined;
  /**
   * The column names of the {@link Table} `fit` saw, scikit-learn's `feature_names_in_`; undefined
   * when fitted on a matrix (or not fitted). A table given to `transform` must then have these names,
   * in this order.
   */
  featureNamesIn_: string[] | undefined = undefined;

  /** Learns from `x` (samples in rows; a table's columns must be numeric). Returns `this`. */
  fit(x: MatrixInput | Table): this {
    const m = this.readInput(x, 'fit');
    if (m.rows === 0) throw new Error(`${this.constructor.name}.fit: X has 0 samples; at least 1 is required`);
    this.fitMatrix(m);
    this.nFeaturesIn_ = m.cols;
    this.featureNamesIn_ = isTable(x) ? [...x.names] : undefined;
    return this;
  }

  /** Transforms `x` with what `fit` learned; returns the same kind of value as `x` (a table keeps its names). */
  transform(x: Table): Table;
  transform<T extends MatrixInput>(x: T): MatrixOutput<T>;
  transform(x: MatrixInput | Table): MatrixInput | Table {
    return this.write(this.transformMatrix(this.readFitted(x, 'transform')), x, 'transform');
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform(x: Table): Table;
  fitTransform<T extends MatrixInput>(x: T): MatrixOutput<T>;
  fitTransform(x: MatrixInput | Table): MatrixInput | Table {
    return this.fit(x).transform(x as MatrixInput);
  }

  /** Undoes `transform`, where the transformer can; returns the same kind of value as `x`. */
  inverseTransform(x: Table): Table;
  inverseTransform<T extends MatrixInput>(x: T): MatrixOutput<T>;
  inverseTransform(x: MatrixInput | Table): MatrixInput | Table {
    return this.write(this.inverseMatrix(this.readFitted(x, 'inverseTransform', this.outputColumns())), x, 'inverseTransform');
  }

  /** Options and learned state as JSON; `fromJSON` of the class (or `Pipeline.fromJSON`) reads it back. */
  abstract toJSON(): TransformerJSON;

  /** Learns from a checked, non-empty matrix. */
  protected abstract fitMatrix(m: Matrix): void;
  /** Transforms a matrix whose column count matches the fit. */
  protected abstract transformMatrix(m: Matrix): Matrix;

  /** Undoes `transformMatrix`; by default an error, for transformers that cannot. */
  protected inverseMatrix(_m: Matrix): Matrix {
    throw new Error(`${this.constructor.name}: inverseTransform is not supported`);
  }

  /** Columns `transform` returns, which `inverseTransform` expects; default: as many as fitted. */
  protected outputColumns(): number {
    return this.nFeaturesIn_!;
  }

  /**
   * Reads `x` after checking that `fit` ran, that the column count is the expected one and, for a
   * table when `fit` saw one, that its names are `featureNamesIn_` (scikit-learn's check).
   */
  protected readFitted(x: MatrixInput | Table, method: string, expected = this.nFeaturesIn_): Matrix {
    const name = `${this.constructor.name}.${method}`;
    if (this.nFeaturesIn_ === undefined) throw new Error(`${name}: this ${this.constructor.name} is not fitted yet; call fit first`);
    const m = this.readInput(x, method);
    if (m.cols !== expected) throw new Error(`${name}: X has ${m.cols} features, but ${this.constructor.name} is expecting ${expected} features as input`);
    const names = this.featureNamesIn_;
    if (isTable(x) && names && expected === names.length && x.names.some((n, i) => n !== names[i])) {
      throw new Error(`${name}: the feature names should match those passed to fit: expected [${names.join(', ')}], got [${x.names.join(', ')}]`);
    }
    return m;
  }

  /**
   * Reads the input of a `partialFit`: the first call (before any `fit`) sets `nFeaturesIn_` and
   * `featureNamesIn_` as `fit` does; later calls must match them, as for `transform`.
   */
  protected readPartial(x: MatrixInput | Table): Matrix {
    const first = this.nFeaturesIn_ === undefined;
    const m = first ? this.readInput(x, 'partialFit') : this.readFitted(x, 'partialFit');
    if (m.rows === 0) throw new Error(`${this.constructor.name}.partialFit: X has 0 samples; at least 1 is required`);
    if (first) {
      this.nFeaturesIn_ = m.cols;
      this.featureNamesIn_ = isTable(x) ? [...x.names] : undefined;
    }
    return m;
  }

  /** Reads a matrix or a numeric table (a text column is an error naming it) into a {@link Matrix}. */
  protected readInput(x: MatrixInput | Table, method: string): Matrix {
    const name = `${this.constructor.name}.${method}`;
    if (!isTable(x)) return readMatrix(x, name);
    const rows = x.columns[0]?.length ?? 0;
    const cols = x.columns.length;
    const data = new Float64Array(rows * cols);
    x.columns.forEach((column, c) => {
      if (!(column instanceof Float64Array)) throw new Error(`${name}: column ${c} ("${x.names[c]}") holds text, not numbers`);
      if (column.length !== rows) throw new Error(`${name}: column ${c} ("${x.names[c]}") has ${column.length} rows, column 0 has ${rows}`);
      for (let r = 0; r < rows; r++) data[r * cols + c] = column[r]!;
    });
    return { data, rows, cols };
  }

  private write(m: Matrix, like: MatrixInput | Table, method: string): MatrixInput | Table {
    if (!isTable(like)) return writeMatrix(m, like);
    if (m.cols !== like.names.length) {
      throw new Error(`${this.constructor.name}.${method}: returns ${m.cols} columns for a table of ${like.names.length}; pass a matrix instead`);
    }
    const columns = like.names.map((_, c) => Float64Array.from({ length: m.rows }, (_, r) => m.data[r * m.cols + c]!));
    return { names: [...like.names], columns };
  }
}

/** Whether `x` is a {@link Table} (names and columns) rather than a matrix. */
export function isTable(x: unknown): x is Table {
  return typeof x === 'object' && x !== null && !(x instanceof tf.Tensor) && !Array.isArray(x) && 'names' in x && 'columns' in x;
}
