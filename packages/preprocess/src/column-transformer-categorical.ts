import { sortedCategories } from './categories.js';
import type { CategoricalColumnOptions } from './column-transformer-options.js';
import { OneHotEncoder } from './one-hot-encoder.js';
import { mostFrequent } from './simple-imputer.js';

/** The categorical block's fitted state as JSON. */
export interface CategoricalBlockJSON {
  /** Missing cells of each column at fit. */
  missing: number[];
  /** The fill value of each column; null for a column entirely missing at fit (dropped). */
  fill: (string | null)[];
  /** The sorted categories of each kept column. */
  categories: string[][];
}

/**
 * The `cat` branch of scikit-learn's usual `ColumnTransformer`:
 * `Pipeline([SimpleImputer(most_frequent | constant), OneHotEncoder(handle_unknown='ignore')])`.
 * The most frequent value breaks ties by the smallest, as scikit-learn's; a column entirely
 * missing at fit has no most frequent value and is dropped (scikit-learn 1.2). An unknown
 * category at transform encodes as all zeros.
 */
export class CategoricalBlock {
  private constructor(
    readonly names: readonly string[],
    /** Missing cells of each column at fit. */
    readonly missing: readonly number[],
    /** Each column's fill value; null: dropped. */
    readonly fill: readonly (string | null)[],
    /** The encoder of the kept columns; undefined when none is kept. */
    readonly encoder: OneHotEncoder | undefined,
  ) {}

  /** Learns each column's fill value, then the categories of the imputed columns. */
  static fit(names: readonly string[], columns: readonly (readonly (string | null)[])[], options: CategoricalColumnOptions): CategoricalBlock {
    const missing = columns.map((column) => column.reduce((n, v) => n + (v === null ? 1 : 0), 0));
    const fill = columns.map((column) => (options.impute === 'constant' ? options.fillValue! : mostFrequentText(column)));
    const block = new CategoricalBlock(names, missing, fill, undefined);
    const rows = block.imputedRows(columns);
    const encoder = rows[0]!.length > 0 ? new OneHotEncoder({ handleUnknown: 'ignore' }).fit(rows) : undefined;
    return new CategoricalBlock(names, missing, fill, encoder);
  }

  /** Reads back {@link CategoricalBlock.toJSON}'s output (checked by the caller). */
  static fromJSON(names: readonly string[], json: CategoricalBlockJSON): CategoricalBlock {
    const encoder = json.categories.length > 0 ? OneHotEncoder.fromJSON({ params: { handleUnknown: 'ignore' }, state: { categories: json.categories } }) : undefined;
    return new CategoricalBlock(names, [...json.missing], [...json.fill], encoder);
  }

  /** Whether each column is kept in the output. */
  get kept(): boolean[] {
    return this.fill.map((f) => f !== null);
  }

  /** The sorted categories of each kept column. */
  get categories(): string[][] {
    return (this.encoder?.categories_ ?? []) as string[][];
  }

  /** One-hot rows (0/1) of the imputed kept columns. */
  transform(columns: readonly (readonly (string | null)[])[]): number[][] {
    const rows = this.imputedRows(columns);
    return this.encoder ? this.encoder.transform(rows) : rows.map(() => []);
  }

  /** The fitted state as JSON. */
  toJSON(): CategoricalBlockJSON {
    return { missing: [...this.missing], fill: [...this.fill], categories: this.categories.map((c) => [...c]) };
  }

  /** Rows of the kept columns with missing cells filled. */
  private imputedRows(columns: readonly (readonly (string | null)[])[]): string[][] {
    const kept = columns.map((column, c) => ({ column, fill: this.fill[c]! })).filter(({ fill }) => fill !== null);
    const rows = columns[0]?.length ?? 0;
    return Array.from({ length: rows }, (_, r) => kept.map(({ column, fill }) => column[r] ?? fill));
  }
}

/** The most frequent present value (the smallest among ties, as scikit-learn's), or null when none is present. */
function mostFrequentText(column: readonly (string | null)[]): string | null {
  const present = column.filter((v): v is string => v !== null);
  if (present.length === 0) return null;
  // Codes in sorted order, so that mostFrequent's smallest-code tie break is the smallest text.
  const sorted = sortedCategories(present, 'ColumnTransformer') as string[];
  const code = new Map(sorted.map((v, i) => [v, i]));
  return sorted[mostFrequent(present.map((v) => code.get(v)!))]!;
}
