import type { Sequential } from '@lab/models';
import { formatCsv, type Table, type TablePreprocessing } from '@lab/preprocess';
import type * as tf from '@tensorflow/tfjs-core';
import { UsageError } from '../errors.js';
import { scoreTable, type TableScores } from './table-scores.js';
import { readTableInput, splitTarget } from './table-source.js';

/** One row's prediction: the class with every class's probability, or the value. */
export interface TableRowPrediction {
  /** 1-based data row of the input file. */
  row: number;
  /** The predicted class label, or the predicted value in the target's units. */
  predicted: string | number;
  /** Classification: each class's probability. */
  probabilities?: Record<string, number>;
}

/** The model's input for a raw table, or a usage error naming the file and the column at fault. */
function transformOrExplain(pre: TablePreprocessing, table: Table, file: string): tf.Tensor2D {
  try {
    return pre.transform(table);
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`, 2);
  }
}

/**
 * Predicts every row of a raw table file (missing values included; the target column, if
 * present, is ignored) with a table model and its saved preprocessing.
 */
export async function predictTableFile(model: Sequential, pre: TablePreprocessing, file: string, missing: readonly string[] = []): Promise<TableRowPrediction[]> {
  const { table } = await readTableInput(file, missing);
  const x = transformOrExplain(pre, table, file);
  const out = model.predict(x, { batchSize: 512 });
  x.dispose();
  const values = await out.data();
  out.dispose();
  if (values.some((v) => !Number.isFinite(v))) throw new UsageError(`${file}: the model gave NaN or infinite outputs for these rows`);
  const rows = table.columns[0]!.length;
  if (pre.target.task === 'regression') {
    const decoded = pre.target.decode(values);
    return Array.from(decoded, (v, i) => ({ row: i + 1, predicted: v }));
  }
  const labels = pre.target.labels!;
  return Array.from({ length: rows }, (_, i) => {
    const probs = values.subarray(i * labels.length, (i + 1) * labels.length);
    let best = 0;
    for (let c = 1; c < labels.length; c++) if (probs[c]! > probs[best]!) best = c;
    return { row: i + 1, predicted: labels[best]!, probabilities: Object.fromEntries(labels.map((l, c) => [l, probs[c]!])) };
  });
}

/** Predictions as CSV: `row`, `predicted_<target>`, then `probability_<class>` per class. */
export function predictionsCsv(pre: TablePreprocessing, predictions: readonly TableRowPrediction[]): string {
  const target = pre.target.name;
  const names = ['row', `predicted_${target}`, ...(pre.target.labels ?? []).map((l) => `probability_${l}`)];
  const columns: Table['columns'] = [Float64Array.from(predictions, (p) => p.row)];
  if (pre.target.task === 'regression') columns.push(Float64Array.from(predictions, (p) => p.predicted as number));
  else {
    columns.push(predictions.map((p) => String(p.predicted)));
    for (const label of pre.target.labels!) columns.push(Float64Array.from(predictions, (p) => p.probabilities![label]!));
  }
  return formatCsv({ names, columns });
}

/**
 * Scores a table model on a labelled table file: its rows with a target value, through the saved
 * preprocessing (rows without a target are dropped and counted).
 */
export async function evaluateTableFile(model: Sequential, pre: TablePreprocessing, file: string, missing: readonly string[] = []): Promise<TableScores & { dropped: number }> {
  const input = await readTableInput(file, missing);
  if (!input.table.names.includes(pre.target.name)) {
    throw new UsageError(`${file}: the table has no column '${pre.target.name}', the target the model predicts; evaluate needs it (lab predict does not)`, 2);
  }
  const split = splitTarget(input, pre.target.name, []);
  const x = transformOrExplain(pre, split.features, file);
  try {
    return { ...(await scoreTable(model, pre, x, split.target)), dropped: split.dropped };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: ${(error as Error).message}`, 2);
  } finally {
    x.dispose();
  }
}
