import { checkOptions, oneOf } from '@lab/core';
import { type Category, sortedCategories } from './categories.js';

/** Options of {@link OneHotEncoder}. */
export interface OneHotEncoderOptions {
  /** `error` (default): an unseen category is an error; `ignore`: it encodes as all zeros. */
  handleUnknown?: 'error' | 'ignore';
  /** Drop one column per feature: `first` category, or only for features with 2 categories (`ifBinary`). Default none. */
  drop?: 'first' | 'ifBinary' | null;
}

/**
 * scikit-learn's `OneHotEncoder` with dense output: each column of categories (numbers or
 * strings, not mixed) becomes one 0/1 column per sorted category (`categories_`), side by side.
 * Takes and returns `number[][]` (rows of categories → rows of 0/1). `inverseTransform` gives the
 * categories back (null for an all-zero block of an unknown category).
 *
 * @example
 * new OneHotEncoder().fitTransform([['b'], ['a']]) // → [[0, 1], [1, 0]]
 */
export class OneHotEncoder {
  /** The checked options, defaults filled in. */
  readonly options: Required<OneHotEncoderOptions>;
  /** The sorted categories of each column. */
  categories_: Category[][] | undefined = undefined;

  /** @param options see {@link OneHotEncoderOptions}; checked here */
  constructor(options: OneHotEncoderOptions = {}) {
    checkOptions('OneHotEncoder', options, { handleUnknown: oneOf('error', 'ignore'), drop: oneOf('first', 'ifBinary', null) });
    const handleUnknown = options.handleUnknown ?? 'error';
    const drop = options.drop ?? null;
    if (drop !== null && handleUnknown === 'ignore') throw new Error("OneHotEncoder: drop cannot be combined with handleUnknown: 'ignore'");
    this.options = { handleUnknown, drop };
  }

  /** Reads back {@link OneHotEncoder.toJSON}'s output. */
  static fromJSON(json: { params: OneHotEncoderOptions; state: { categories: Category[][] } | null }): OneHotEncoder {
    const encoder = new OneHotEncoder(json.params);
    encoder.categories_ = json.state?.categories.map((c) => [...c]);
    return encoder;
  }

  /** Learns each column's categories. Returns `this`. */
  fit(x: readonly (readonly Category[])[]): this {
    const cols = checkRows(x, 'OneHotEncoder.fit');
    this.categories_ = Array.from({ length: cols }, (_, c) => sortedCategories(x.map((row) => row[c]!), `OneHotEncoder.fit: column ${c}`));
    return this;
  }

  /** One-hot rows; throws on an unseen category (naming its row and column) unless `handleUnknown: 'ignore'`. */
  transform(x: readonly (readonly Category[])[]): number[][] {
    const categories = this.fitted('transform');
    const cols = checkRows(x, 'OneHotEncoder.transform');
    if (cols !== categories.length) throw new Error(`OneHotEncoder.transform: X has ${cols} features, but OneHotEncoder is expecting ${categories.length} features as input`);
    return x.map((row, r) =>
      row.flatMap((value, c) => {
        const cats = categories[c]!;
        const block = Array<number>(cats.length).fill(0);
        const at = cats.indexOf(value);
        if (at >= 0) block[at] = 1;
        else if (this.options.handleUnknown === 'error') {
          throw new Error(`OneHotEncoder.transform: unknown category ${JSON.stringify(value)} in column ${c} at row ${r}`);
        }
        const dropped = this.droppedIndex(c);
        return dropped === null ? block : block.filter((_, i) => i !== dropped);
      }),
    );
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform(x: readonly (readonly Category[])[]): number[][] {
    return this.fit(x).transform(x);
  }

  /** Categories from one-hot rows (the largest entry of each block; null for an all-zero block without a dropped category). */
  inverseTransform(y: readonly (readonly number[])[]): (Category | null)[][] {
    const categories = this.fitted('inverseTransform');
    const widths = categories.map((cats, c) => cats.length - (this.droppedIndex(c) === null ? 0 : 1));
    const total = widths.reduce((a, b) => a + b, 0);
    return y.map((row, r) => {
      if (row.length !== total) throw new Error(`OneHotEncoder.inverseTransform: row ${r} has ${row.length} values; expected ${total}`);
      let offset = 0;
      return categories.map((cats, c) => {
        const block = row.slice(offset, offset + widths[c]!);
        offset += widths[c]!;
        const dropped = this.droppedIndex(c);
        const full = dropped === null ? block : [...block.slice(0, dropped), 0, ...block.slice(dropped)];
        const best = full.indexOf(Math.max(...full));
        if (full[best] === 0) return dropped === null ? null : cats[dropped]!;
        return cats[best]!;
      });
    });
  }

  /** Options and categories as JSON. */
  toJSON(): { type: 'OneHotEncoder'; params: Required<OneHotEncoderOptions>; state: { categories: Category[][] } | null } {
    return { type: 'OneHotEncoder', params: { ...this.options }, state: this.categories_ ? { categories: this.categories_.map((c) => [...c]) } : null };
  }

  private droppedIndex(column: number): number | null {
    const { drop } = this.options;
    if (drop === 'first') return 0;
    if (drop === 'ifBinary' && this.categories_![column]!.length === 2) return 0;
    return null;
  }

  private fitted(method: string): Category[][] {
    if (!this.categories_) throw new Error(`OneHotEncoder.${method}: this OneHotEncoder is not fitted yet; call fit first`);
    return this.categories_;
  }
}

function checkRows(x: readonly (readonly Category[])[], context: string): number {
  if (!Array.isArray(x) || x.length === 0) throw new Error(`${context}: X must be a non-empty array of rows`);
  const cols = x[0]!.length;
  x.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== cols) throw new Error(`${context}: X must be rectangular: row 0 has ${cols} values, row ${r} has ${Array.isArray(row) ? row.length : 'none'}`);
  });
  return cols;
}
