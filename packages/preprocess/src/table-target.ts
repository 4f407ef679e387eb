import { boolean, checkOptions, integer } from '@lab/core';
import { sortedCategories } from './categories.js';

/** What a model learns from a table's target column. */
export type TableTask = 'classification' | 'regression';

/** A table column: numbers (NaN = missing) or text (null = missing). */
export type TableColumn = Float64Array | readonly (string | null)[];

/** {@link TableTarget}'s JSON form, stored with a model. */
export type TableTargetJSON =
  | { format: 'lab-table-target'; version: 1; name: string; task: 'classification'; labels: string[] }
  | { format: 'lab-table-target'; version: 1; name: string; task: 'regression'; mean: number; scale: number };

/** Options of {@link inferTask}. */
export interface InferTaskOptions {
  /** An integer-valued numeric target with at most this many distinct values is classification. Default 20. */
  maxClasses?: number;
}

/** The non-missing cells of a column (NaN and null are missing). */
function present(column: TableColumn): (number | string)[] {
  const out: (number | string)[] = [];
  for (const v of column) if (v !== null && !(typeof v === 'number' && Number.isNaN(v))) out.push(v);
  return out;
}

/**
 * What a target column asks for, with the reason in words: text (or booleans) is classification;
 * numbers are regression unless they are all integers with few distinct values (at most
 * `maxClasses`, default 20), as a 0/1 or a 1–5 rating column is.
 */
export function inferTask(column: TableColumn, options: InferTaskOptions = {}): { task: TableTask; reason: string } {
  checkOptions('inferTask', options, { maxClasses: integer({ min: 2 }) });
  const maxClasses = options.maxClasses ?? 20;
  const values = present(column);
  if (values.length === 0) throw new Error('inferTask: the target column has no values');
  if (values.some((v) => typeof v === 'string')) return { task: 'classification', reason: 'the target holds text' };
  const distinct = new Set(values).size;
  if ((values as number[]).every(Number.isInteger) && distinct <= maxClasses) {
    return { task: 'classification', reason: `the target holds ${distinct} distinct integers (at most ${maxClasses})` };
  }
  return { task: 'regression', reason: distinct <= maxClasses ? 'the target holds non-integer numbers' : `the target holds ${distinct} distinct numbers` };
}

/**
 * A table's target as a model sees it, fitted on the training rows and saved with the model.
 * Classification: the class labels as strings, sorted as scikit-learn's `LabelEncoder` sorts them
 * (numbers ascending, text by code point), encoded as class indices. Regression: the values,
 * standardized (`(y − mean) / scale`, population standard deviation; 1 for a constant target, as
 * `StandardScaler`) unless `standardize: false`, and un-scaled at prediction.
 *
 * @example
 * const target = TableTarget.fit('Species', ['Adelie', 'Gentoo', 'Adelie'], 'classification');
 * target.encode(['Gentoo']) // → Float32Array [1]
 */
export class TableTarget {
  private constructor(
    /** The target column's name. */
    readonly name: string,
    /** Classification or regression. */
    readonly task: TableTask,
    /** The class labels in output order (classification only). */
    readonly labels: readonly string[] | undefined,
    /** The regression target's mean and scale (regression only). */
    readonly mean = 0,
    readonly scale = 1,
  ) {}

  /** Fits the target on the training rows' `column`; a missing value is an error naming its row. */
  static fit(name: string, column: TableColumn, task: TableTask, options: { standardize?: boolean } = {}): TableTarget {
    checkOptions('TableTarget.fit', options, { standardize: boolean() });
    checkPresent(name, column, 'TableTarget.fit');
    if (task === 'classification') {
      const labels = sortedCategories([...column] as (number | string)[], `TableTarget.fit: target '${name}'`).map(String);
      return new TableTarget(name, task, labels);
    }
    if (task !== 'regression') throw new Error(`TableTarget.fit: task must be 'classification' or 'regression', got ${JSON.stringify(task)}`);
    if (!(column instanceof Float64Array)) throw new Error(`TableTarget.fit: a regression target must be numeric; '${name}' holds text`);
    if (options.standardize === false) return new TableTarget(name, task, undefined, 0, 1);
    let sum = 0;
    for (const v of column) sum += v;
    const mean = sum / column.length;
    let squares = 0;
    for (const v of column) squares += (v - mean) ** 2;
    const scale = Math.sqrt(squares / column.length);
    return new TableTarget(name, task, undefined, mean, scale > 0 && Number.isFinite(scale) ? scale : 1);
  }

  /** Reads back {@link TableTarget.toJSON}'s output, checking it. */
  static fromJSON(json: TableTargetJSON): TableTarget {
    const where = 'TableTarget.fromJSON';
    if (json?.format !== 'lab-table-target' || json.version !== 1) throw new Error(`${where}: expected { format: 'lab-table-target', version: 1 }, got ${JSON.stringify(json)?.slice(0, 80)}`);
    if (typeof json.name !== 'string') throw new Error(`${where}: name must be a string`);
    if (json.task === 'classification') {
      if (!Array.isArray(json.labels) || json.labels.length < 1 || !json.labels.every((l) => typeof l === 'string')) throw new Error(`${where}: labels must be a non-empty array of strings`);
      return new TableTarget(json.name, 'classification', [...json.labels]);
    }
    if (json.task === 'regression') {
      if (!Number.isFinite(json.mean) || !(json.scale > 0 && Number.isFinite(json.scale))) throw new Error(`${where}: mean must be finite and scale positive, got ${json.mean} and ${json.scale}`);
      return new TableTarget(json.name, 'regression', undefined, json.mean, json.scale);
    }
    throw new Error(`${where}: task must be 'classification' or 'regression', got ${JSON.stringify((json as { task?: unknown }).task)}`);
  }

  /** The number of model outputs: the class count, or 1. */
  get outputs(): number {
    return this.labels?.length ?? 1;
  }

  /**
   * The model's targets for `column`: class indices (classification; a label not seen in fit is an
   * error naming it and its row) or scaled values (regression).
   */
  encode(column: TableColumn): Float32Array {
    checkPresent(this.name, column, 'TableTarget.encode');
    const out = new Float32Array(column.length);
    if (this.labels) {
      const index = new Map(this.labels.map((l, i) => [l, i]));
      for (let r = 0; r < column.length; r++) {
        const i = index.get(String(column[r]));
        if (i === undefined) throw new Error(`TableTarget.encode: target '${this.name}' row ${r + 1} is ${JSON.stringify(column[r])}, a class the model does not know (${this.labels.join(', ')})`);
        out[r] = i;
      }
      return out;
    }
    if (!(column instanceof Float64Array)) throw new Error(`TableTarget.encode: a regression target must be numeric; '${this.name}' holds text`);
    for (let r = 0; r < column.length; r++) out[r] = (column[r]! - this.mean) / this.scale;
    return out;
  }

  /** Regression: model outputs back in the target's units. */
  decode(values: ArrayLike<number>): Float64Array {
    if (this.labels) throw new Error(`TableTarget.decode: '${this.name}' is a classification target; its outputs are class probabilities`);
    return Float64Array.from(values, (v) => v * this.scale + this.mean);
  }

  /** The JSON form saved with a model. */
  toJSON(): TableTargetJSON {
    const base = { format: 'lab-table-target', version: 1, name: this.name } as const;
    return this.labels ? { ...base, task: 'classification', labels: [...this.labels] } : { ...base, task: 'regression', mean: this.mean, scale: this.scale };
  }
}

/** Throws naming the first missing cell of `column` (1-based row). */
function checkPresent(name: string, column: TableColumn, where: string): void {
  for (let r = 0; r < column.length; r++) {
    const v = column[r];
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) throw new Error(`${where}: target '${name}' is missing in row ${r + 1}; drop the rows without a target first`);
  }
}
