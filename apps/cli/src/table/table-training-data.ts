import path from 'node:path';
import { closest } from '@lab/core';
import { writeFileAtomic } from '@lab/core/node';
import { trainTestSplit } from '@lab/data';
import type { Sequential } from '@lab/models';
import { inferTask, type Table, type TableColumn } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import { UsageError } from '../errors.js';
import type { TrainingData } from '../training-data.js';
import type { TableFlags } from './table-options.js';
import { fitTablePreprocessing, saveTableModel, type TablePreprocessing } from './table-preprocessing.js';
import { renderTableReport } from './table-report.js';
import { scoreTable } from './table-scores.js';
import { readTableInput, type SplitTable, splitTarget, takeTableRows } from './table-source.js';

/** What a table run needs from the options. */
export interface TableDataOptions extends TableFlags {
  data?: string;
  seed: number;
  limit?: number;
}

/** Class codes of a classification target (for stratifying), in sorted label order. */
function classCodes(target: TableColumn): Int32Array {
  const labels = [...new Set(Array.from(target, String))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  return Int32Array.from(target as ArrayLike<unknown>, (v) => index.get(String(v))!);
}

/** The target column's rows at `rows`. */
export function takeColumn(column: TableColumn, rows: ArrayLike<number>): TableColumn {
  return column instanceof Float64Array ? Float64Array.from(rows, (r) => column[r]!) : Array.from(rows, (r) => column[r]!);
}

/** The task the flags and the target ask for, said on the log. */
export function resolveTask(split: SplitTable, options: TableFlags, log: NodeJS.WriteStream): 'classification' | 'regression' {
  if (options.task && options.task !== 'auto') {
    if (options.task === 'regression' && !(split.target instanceof Float64Array)) {
      throw new UsageError(`--task regression: the target '${split.targetName}' holds text; a regression needs numbers`, 2);
    }
    return options.task;
  }
  const { task, reason } = inferTask(split.target);
  log.write(`Task: ${task} (${reason}; --task sets it)\n`);
  return task;
}

/** Reads the table and splits off its target, checking the flags, for `lab train` and `lab cv`. */
export async function readTrainingTable(options: TableDataOptions, log: NodeJS.WriteStream): Promise<SplitTable & { file: string }> {
  const file = options.data!;
  const input = await readTableInput(file, options.missing);
  if (!options.target) {
    throw new UsageError(`--data ${file} is a table: name the column to predict with --target (its columns: ${input.table.names.join(', ')})`, 2);
  }
  const split = splitTarget(input, options.target, options.ignore ?? []);
  for (const name of Object.keys(options.kinds ?? {})) {
    if (split.features.names.includes(name)) continue;
    const hint = closest(name, split.features.names);
    throw new UsageError(`--kinds ${name}: '${name}' is not a feature column of ${file}${hint ? ` (did you mean '${hint}'?)` : ''}; the features are ${split.features.names.join(', ')}`, 2);
  }
  const limit = options.limit ?? split.target.length;
  const kept = limit < split.target.length ? takeRowsOfSplit(split, limit) : split;
  log.write(
    `Data: ${file}: ${kept.target.length} rows, ${kept.features.names.length} feature columns, target '${options.target}'` +
      `${split.dropped > 0 ? ` (${split.dropped} rows without a target dropped)` : ''}\n`,
  );
  return { ...kept, file };
}

function takeRowsOfSplit(split: SplitTable, limit: number): SplitTable {
  const rows = Int32Array.from({ length: limit }, (_, i) => i);
  return { ...split, features: takeTableRows(split.features, rows), target: takeColumn(split.target, rows) };
}

/** The fitted preprocessing's features and targets of some rows, as tensors (the caller disposes them). */
export function tableTensors(pre: TablePreprocessing, features: Table, target: TableColumn): { x: tf.Tensor2D; y: tf.Tensor2D; count: number } {
  const x = pre.transform(features);
  const encoded = pre.target.encode(target);
  const y = tf.tidy(() => (pre.target.task === 'classification' ? (tf.cast(tf.oneHot(tf.tensor1d(encoded, 'int32'), pre.target.outputs), 'float32') as tf.Tensor2D) : tf.tensor2d(encoded, [encoded.length, 1])));
  return { x, y, count: encoded.length };
}

/**
 * A table as a run's data: a 70/30 split (`--test-size`; stratified for classification, seeded),
 * the column transformer and the target fitted on the training rows only, then applied to both.
 */
export async function loadTableTraining(options: TableDataOptions, log: NodeJS.WriteStream): Promise<TrainingData> {
  const split = await readTrainingTable(options, log);
  const task = resolveTask(split, options, log);
  const n = split.target.length;
  let fold: { train: Int32Array; test: Int32Array };
  try {
    fold = trainTestSplit(n, { testSize: options.testSize ?? 0.3, seed: options.seed, ...(task === 'classification' ? { stratify: classCodes(split.target) } : {}) });
  } catch (error) {
    throw new UsageError(`${split.file}: ${(error as Error).message.replace(/^trainTestSplit: /, '').replace('testSize', '--test-size')}`, 2);
  }
  const trainRows = takeTableRows(split.features, fold.train);
  const testRows = takeTableRows(split.features, fold.test);
  const trainTarget = takeColumn(split.target, fold.train);
  const testTarget = takeColumn(split.target, fold.test);
  const pre = fitTablePreprocessing(trainRows, split.targetName, trainTarget, task, options);
  log.write(`Split: ${fold.train.length} training rows, ${fold.test.length} test rows${task === 'classification' ? ' (stratified)' : ''}; ${pre.describe()}\n`);
  const train = tableTensors(pre, trainRows, trainTarget);
  const test = tableTensors(pre, testRows, testTarget);
  const name = path.basename(split.file);
  return {
    shape: { inputShape: [pre.featureNames.length], outputs: pre.target.outputs, task, name },
    train,
    test,
    defaultLoss: task === 'classification' ? 'categorical-crossentropy' : 'mse',
    metrics: task === 'classification' ? ['accuracy'] : [],
    source: `file:${path.resolve(split.file)}`,
    saveModel: (model: Sequential, dir: string) => saveTableModel(model, pre, dir),
    async score(model, runDir, history, settings) {
      const scores = await scoreTable(model, pre, test.x, testTarget);
      await writeFileAtomic(path.join(runDir, 'test-report.json'), `${JSON.stringify(scores.report, null, 2)}\n`, { mkdir: true });
      await writeFileAtomic(path.join(runDir, 'report.html'), renderTableReport({ title: `lab run ${runDir}`, history, scores, preprocessing: pre, summary: model.summary(), ...(settings ? { settings } : {}) }), { mkdir: true });
      return { json: scores.json, text: scores.text };
    },
    dispose() {
      tf.dispose([train.x, train.y, test.x, test.y]);
    },
  };
}
