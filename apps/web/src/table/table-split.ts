import { trainTestSplit } from '@lab/data';
import { inferTask, type Table, type TableColumn, type TableTask } from '@lab/preprocess';

/** The training and test rows of a table, features and target apart, as `lab train --data FILE --target COL` splits them. */
export interface TableSplit {
  targetName: string;
  task: TableTask;
  /** Why the task is what it is (inferTask's reason). */
  reason: string;
  /** Rows dropped because their target is missing. */
  dropped: number;
  train: { features: Table; target: TableColumn };
  test: { features: Table; target: TableColumn };
}

/** Options of {@link splitTable}: `lab train`'s `--target`, `--ignore`, `--test-size` and `--seed`. */
export interface SplitTableOptions {
  target: string;
  ignore?: readonly string[];
  /** The held-out share; default 0.3, the lesson's 70/30. */
  testSize?: number;
  seed: number;
}

/** The rows of `table` at `rows`, every column. */
export function takeRows(table: Table, rows: ArrayLike<number>): Table {
  return { names: [...table.names], columns: table.columns.map((c) => takeColumn(c, rows)) as Table['columns'] };
}

/** A column's cells at `rows`. */
export function takeColumn(column: TableColumn, rows: ArrayLike<number>): TableColumn {
  return column instanceof Float64Array ? Float64Array.from(rows, (r) => column[r]!) : Array.from(rows, (r) => column[r]!);
}

/** Class codes of a classification target in sorted label order, for stratifying (as the CLI makes them). */
function classCodes(target: TableColumn): Int32Array {
  const labels = [...new Set(Array.from(target, String))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  return Int32Array.from(target as ArrayLike<unknown>, (v) => index.get(String(v))!);
}

const isMissing = (v: number | string | null): boolean => v === null || (typeof v === 'number' && Number.isNaN(v));

/**
 * Splits `table` as the CLI's table training does: rows without a target dropped; features are
 * every other column but `ignore`; the task inferred from the target (`inferTask`); then a seeded
 * `trainTestSplit` (70/30 unless `testSize`), stratified by class for classification. Errors
 * name the column at fault.
 */
export function splitTable(table: Table, options: SplitTableOptions): TableSplit {
  const { target, ignore = [], testSize = 0.3, seed } = options;
  const t = table.names.indexOf(target);
  if (t < 0) throw new Error(`the table has no column '${target}'; its columns are ${table.names.join(', ')}`);
  for (const name of ignore) {
    if (name === target) throw new Error(`the target column '${target}' cannot be ignored`);
    if (!table.names.includes(name)) throw new Error(`the table has no column '${name}' to ignore`);
  }
  const column = table.columns[t]!;
  const keep: number[] = [];
  for (let r = 0; r < column.length; r++) if (!isMissing(column[r]!)) keep.push(r);
  if (keep.length === 0) throw new Error(`every row lacks a value in the target '${target}'`);
  const kept = takeRows(table, keep);
  const features = kept.names.map((_, c) => c).filter((c) => c !== t && !ignore.includes(kept.names[c]!));
  if (features.length === 0) throw new Error(`no feature columns are left besides the target '${target}'`);
  const featureTable: Table = { names: features.map((c) => kept.names[c]!), columns: features.map((c) => kept.columns[c]!) };
  const targetColumn = kept.columns[t]!;
  const { task, reason } = inferTask(targetColumn);
  const fold = trainTestSplit(keep.length, { testSize, seed, ...(task === 'classification' ? { stratify: classCodes(targetColumn) } : {}) });
  return {
    targetName: target,
    task,
    reason,
    dropped: column.length - keep.length,
    train: { features: takeRows(featureTable, fold.train), target: takeColumn(targetColumn, fold.train) },
    test: { features: takeRows(featureTable, fold.test), target: takeColumn(targetColumn, fold.test) },
  };
}
