import { type ColumnKind, type ColumnSpec, coerceTable, columnIndex } from './column-kinds.js';
import { CategoricalBlock } from './column-transformer-categorical.js';
import { readColumnTransformerJSON } from './column-transformer-json.js';
import { NumericBlock } from './column-transformer-numeric.js';
import { type ColumnTransformerOptions, type ResolvedColumnTransformerOptions, resolveOptions } from './column-transformer-options.js';
import type { ColumnSummary, ColumnTransformerJSON, ColumnTransformerSummary } from './column-transformer-types.js';
import { rowCount, type Table } from './table.js';

/** {@link ColumnTransformer.transform}'s result: a row-major float32 matrix, ready for `tf.tensor2d(data, [rows, cols])`. */
export interface FeatureMatrix {
  rows: number;
  cols: number;
  /** `rows * cols` values, row after row. */
  data: Float32Array;
}

interface Fitted {
  rows: number;
  numeric: NumericBlock | undefined;
  categorical: CategoricalBlock | undefined;
}

/**
 * scikit-learn's `ColumnTransformer` as it is usually written for a table:
 * `ColumnTransformer([('num', Pipeline([imputer, scaler]), numeric_cols), ('cat',
 * Pipeline([SimpleImputer(strategy='most_frequent'), OneHotEncoder(handle_unknown='ignore')]),
 * categorical_cols)])`, where numeric columns are the numeric, boolean and date ones (see
 * `coerceTable`), other columns of the table are dropped (`remainder='drop'`), and the output is
 * the numeric block then the categorical block, named as `get_feature_names_out()` names them
 * (`num__bill_length_mm`, `cat__island_Biscoe`). Computed in float64 by lab's imputers, scalers
 * and encoder, returned as float32. Rows never seen at fit work: missing cells take the fitted
 * statistics, unknown categories encode as all zeros. No tensors are made.
 *
 * @example
 * const table = { names: ['mass', 'island'], columns: [Float64Array.of(3, NaN, 5), ['a', null, 'b']] };
 * const ct = new ColumnTransformer({ columns: inferColumnKinds(table) }).fit(table);
 * ct.getFeatureNamesOut() // → ['num__mass', 'cat__island_a', 'cat__island_b']
 * ct.transform(table) // → { rows: 3, cols: 3, data: Float32Array [-1.22, 1, 0, 0, 1, 0, 1.22, 0, 1] } (≈, row-major)
 */
export class ColumnTransformer {
  /** The checked options, defaults filled in. */
  readonly options: ResolvedColumnTransformerOptions;
  private fitted: Fitted | undefined;

  /** @param options see {@link ColumnTransformerOptions}; checked here */
  constructor(options: ColumnTransformerOptions) {
    this.options = resolveOptions(options);
  }

  /** Reads back {@link ColumnTransformer.toJSON}'s output, checking it; errors name the field at fault. */
  static fromJSON(json: ColumnTransformerJSON): ColumnTransformer {
    const { options, fitted } = readColumnTransformerJSON(json);
    const transformer = new ColumnTransformer(options);
    if (fitted) {
      const { numeric, categorical } = transformer.split();
      transformer.fitted = {
        rows: fitted.rows,
        numeric: fitted.numeric ? NumericBlock.fromJSON(numeric, transformer.options.numeric, fitted.numeric, fitted.rows) : undefined,
        categorical: fitted.categorical ? CategoricalBlock.fromJSON(categorical, fitted.categorical) : undefined,
      };
    }
    return transformer;
  }

  /** Learns the imputers', scalers' and encoder's state from `table`, which must hold every listed column (others are ignored). Returns `this`. */
  fit(table: Table): this {
    const { numeric, categorical } = this.read(table, 'fit');
    const rows = rowCount(table);
    if (rows === 0) throw new Error('ColumnTransformer.fit: the table has 0 rows; at least 1 is required');
    const names = this.split();
    this.fitted = {
      rows,
      numeric: numeric.length > 0 ? NumericBlock.fit(names.numeric, numeric, this.options.numeric) : undefined,
      categorical: categorical.length > 0 ? CategoricalBlock.fit(names.categorical, categorical, this.options.categorical) : undefined,
    };
    return this;
  }

  /** The features of `table`'s rows: imputed, scaled and one-hot encoded as fitted. */
  transform(table: Table): FeatureMatrix {
    const { rows, cols, value } = this.features(table, 'transform');
    const data = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) data[r * cols + c] = value(r, c);
    return { rows, cols, data };
  }

  /**
   * {@link transform} as a table: one float64 column per output feature, named as
   * {@link getFeatureNamesOut} names them (scikit-learn's `set_output(transform="pandas")`).
   * The values are not rounded to float32, so they equal scikit-learn's float64 output; for a
   * file (`lab preprocess run`), not a model input.
   */
  transformTable(table: Table): Table {
    const { rows, cols, value } = this.features(table, 'transformTable');
    const columns = Array.from({ length: cols }, (_, c) => {
      const column = new Float64Array(rows);
      for (let r = 0; r < rows; r++) column[r] = value(r, c);
      return column;
    });
    return { names: this.getFeatureNamesOut(), columns };
  }

  /** The transformed values of `table` (float64), read by row and output column. */
  private features(table: Table, method: string): { rows: number; cols: number; value: (r: number, c: number) => number } {
    const fitted = this.fittedOrThrow(method);
    const { numeric, categorical } = this.read(table, method);
    const rows = rowCount(table);
    const num = fitted.numeric?.transform(numeric);
    const cat = fitted.categorical?.transform(categorical);
    const numCols = num?.shape[1] ?? 0;
    const catCols = cat?.[0]?.length ?? this.getFeatureNamesOut().length - numCols;
    return { rows, cols: numCols + catCols, value: (r, c) => (c < numCols ? num!.data[r * numCols + c]! : cat![r]![c - numCols]!) };
  }

  /** `fit(table)` then `transform(table)`. */
  fitTransform(table: Table): FeatureMatrix {
    return this.fit(table).transform(table);
  }

  /** The output columns' names, scikit-learn style: `num__<column>`, then `cat__<column>_<category>`. */
  getFeatureNamesOut(): string[] {
    return this.summary().columns.flatMap((c) => c.features);
  }

  /** What `fit` learned, per input column, for a report. */
  summary(): ColumnTransformerSummary {
    const fitted = this.fittedOrThrow('summary');
    const { numeric: numNames, categorical: catNames } = this.split();
    const columns = new Map<string, ColumnSummary>();
    const num = fitted.numeric;
    if (num) {
      const scaler = num.scaler;
      let k = 0;
      const statistics = 'statistics_' in num.imputer ? num.imputer.statistics_ : undefined;
      numNames.forEach((name, c) => {
        const kept = num.kept[c]!;
        const stats: Partial<ColumnSummary> = {};
        if (kept && scaler && 'mean_' in scaler) Object.assign(stats, { mean: scaler.mean_![k]!, scale: scaler.scale_![k]! });
        if (kept && scaler && 'dataMin_' in scaler) Object.assign(stats, { min: scaler.dataMin_![k]!, max: scaler.dataMax_![k]! });
        const fill = kept && statistics ? statistics[c]! : null;
        columns.set(name, { name, kind: this.kindOf(name), missing: num.missing[c]!, dropped: !kept, fill, ...stats, features: kept ? [`num__${name}`] : [] });
        if (kept) k++;
      });
    }
    const cat = fitted.categorical;
    if (cat) {
      let k = 0;
      catNames.forEach((name, c) => {
        const kept = cat.kept[c]!;
        const categories = kept ? cat.categories[k++]! : [];
        const features = categories.map((v) => `cat__${name}_${v}`);
        columns.set(name, { name, kind: 'categorical', missing: cat.missing[c]!, dropped: !kept, fill: cat.fill[c]!, categories: [...categories], features });
      });
    }
    const ordered = [...numNames, ...catNames].map((n) => columns.get(n)!);
    return { rows: fitted.rows, features: ordered.reduce((n, c) => n + c.features.length, 0), columns: ordered };
  }

  /** Options and fitted state as plain JSON (`{ format: 'lab-column-transformer', version: 1, … }`); {@link ColumnTransformer.fromJSON} reads it back. */
  toJSON(): ColumnTransformerJSON {
    const { columns, numeric, categorical } = this.options;
    const fitted = this.fitted;
    return {
      format: 'lab-column-transformer',
      version: 1,
      columns: columns.map((c) => ({ ...c })),
      numeric: { ...numeric },
      categorical: { ...categorical },
      fitted: fitted ? { rows: fitted.rows, numeric: fitted.numeric?.toJSON() ?? null, categorical: fitted.categorical?.toJSON() ?? null } : null,
    };
  }

  /** The names of the numeric-block columns (numeric, boolean, date) and of the categorical ones, in input order. */
  private split(): { numeric: string[]; categorical: string[] } {
    const { columns } = this.options;
    return { numeric: columns.filter((c) => c.kind !== 'categorical').map((c) => c.name), categorical: columns.filter((c) => c.kind === 'categorical').map((c) => c.name) };
  }

  private kindOf(name: string): ColumnKind {
    return this.options.columns.find((c) => c.name === name)!.kind;
  }

  /** The listed columns of `table`, coerced to their kinds (see `coerceTable`); missing ones are one error naming them all. */
  private read(table: Table, method: string): { numeric: Float64Array[]; categorical: (string | null)[][] } {
    const owner = `ColumnTransformer.${method}`;
    const absent = this.options.columns.filter((c) => !table?.names?.includes(c.name)).map((c) => `"${c.name}"`);
    if (absent.length > 0) {
      throw new Error(`${owner}: the table lacks the column${absent.length > 1 ? 's' : ''} ${absent.join(', ')}; it has ${table?.names?.join(', ')}`);
    }
    for (const c of this.options.columns) columnIndex(owner, table, c.name);
    const specs: ColumnSpec[] = this.options.columns;
    let coerced: Table;
    try {
      coerced = coerceTable(table, specs);
    } catch (error) {
      throw new Error(`${owner}: ${(error as Error).message.replace(/^coerceTable: /, '')}`, { cause: error });
    }
    const numeric: Float64Array[] = [];
    const categorical: (string | null)[][] = [];
    specs.forEach((s, i) => {
      const column = coerced.columns[i]!;
      if (s.kind === 'categorical') categorical.push(column as (string | null)[]);
      else numeric.push(column as Float64Array);
    });
    return { numeric, categorical };
  }

  private fittedOrThrow(method: string): Fitted {
    if (!this.fitted) throw new Error(`ColumnTransformer.${method}: this ColumnTransformer is not fitted yet; call fit first`);
    return this.fitted;
  }
}
