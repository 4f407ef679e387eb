import { type Matrix, type MatrixInput, type MatrixOutput, readMatrix, writeMatrix } from './matrix.js';

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
 * reads and writes every {@link MatrixInput} kind and checks fitted-ness and feature counts.
 * No method disposes its input; returned tensors belong to the caller.
 */
export abstract class Transformer {
  /** Number of columns seen by `fit`; undefined before. */
  nFeaturesIn_: number | undefined = undefined;

  /** Learns from `x` (samples in rows). Returns `this`. */
  fit(x: MatrixInput): this {
    const m = readMatrix(x, `${this.constructor.name}.fit`);
    if (m.rows === 0) throw new Error(`${this.constructor.name}.fit: X has 0 samples; at least 1 is required`);
    this.fitMatrix(m);
    this.nFeaturesIn_ = m.cols;
    return this;
  }

  /** Transforms `x` with what `fit` learned; returns the same kind of value as `x`. */
  transform<T extends MatrixInput>(x: T): MatrixOutput<T> {
    return writeMatrix(this.transformMatrix(this.readFitted(x, 'transform')), x);
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform<T extends MatrixInput>(x: T): MatrixOutput<T> {
    return this.fit(x).transform(x);
  }

  /** Undoes `transform`, where the transformer can; returns the same kind of value as `x`. */
  inverseTransform<T extends MatrixInput>(x: T): MatrixOutput<T> {
    return writeMatrix(this.inverseMatrix(this.readFitted(x, 'inverseTransform', this.outputColumns())), x);
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

  /** Reads `x` after checking that `fit` ran and that the column count is the expected one. */
  protected readFitted(x: MatrixInput, method: string, expected = this.nFeaturesIn_): Matrix {
    const name = `${this.constructor.name}.${method}`;
    if (this.nFeaturesIn_ === undefined) throw new Error(`${name}: this ${this.constructor.name} is not fitted yet; call fit first`);
    const m = readMatrix(x, name);
    if (m.cols !== expected) throw new Error(`${name}: X has ${m.cols} features, but ${this.constructor.name} is expecting ${expected} features as input`);
    return m;
  }
}
