import { type Category, sortedCategories } from './categories.js';

/**
 * scikit-learn's `LabelEncoder`: labels to integers `0..classes_.length - 1` in sorted order
 * (numbers ascending, strings by code point), and back. Unseen labels are errors naming them.
 *
 * @example
 * new LabelEncoder().fit(['cat', 'dog', 'ant']).transform(['dog', 'ant']) // → [2, 0]
 */
export class LabelEncoder {
  /** The sorted distinct labels seen by `fit`. */
  classes_: Category[] | undefined = undefined;

  /** Reads back {@link LabelEncoder.toJSON}'s output. */
  static fromJSON(json: { type: string; state: { classes: Category[] } | null }): LabelEncoder {
    const encoder = new LabelEncoder();
    encoder.classes_ = json.state ? [...json.state.classes] : undefined;
    return encoder;
  }

  /** Learns the classes. Returns `this`. */
  fit(labels: readonly Category[]): this {
    this.classes_ = sortedCategories(labels, 'LabelEncoder.fit');
    return this;
  }

  /** The index of each label in `classes_`. */
  transform(labels: readonly Category[]): number[] {
    const index = new Map(this.fitted('transform').map((c, i) => [c, i]));
    const unseen = labels.filter((l) => !index.has(l));
    if (unseen.length > 0) throw new Error(`LabelEncoder.transform: y contains previously unseen labels: ${JSON.stringify([...new Set(unseen)])}`);
    return labels.map((l) => index.get(l)!);
  }

  /** `fit(labels)` then `transform(labels)`. */
  fitTransform(labels: readonly Category[]): number[] {
    return this.fit(labels).transform(labels);
  }

  /** The label of each index. */
  inverseTransform(indices: readonly number[]): Category[] {
    const classes = this.fitted('inverseTransform');
    return indices.map((i, at) => {
      if (!(Number.isInteger(i) && i >= 0 && i < classes.length)) {
        throw new Error(`LabelEncoder.inverseTransform: y[${at}] is ${i}; indices must be integers in [0, ${classes.length})`);
      }
      return classes[i]!;
    });
  }

  /** The classes as JSON. */
  toJSON(): { type: 'LabelEncoder'; params: Record<string, never>; state: { classes: Category[] } | null } {
    return { type: 'LabelEncoder', params: {}, state: this.classes_ ? { classes: [...this.classes_] } : null };
  }

  private fitted(method: string): Category[] {
    if (!this.classes_) throw new Error(`LabelEncoder.${method}: this LabelEncoder is not fitted yet; call fit first`);
    return this.classes_;
  }
}
