import type { Sequential } from '@lab/models';
import type { Table, TablePreprocessing } from '@lab/preprocess';

/** One row's prediction, as `lab predict --json` gives it. */
export interface TableRowPrediction {
  /** 1-based data row of the table. */
  row: number;
  /** The predicted class label, or the predicted value in the target's units. */
  predicted: string | number;
  /** Classification: each class's probability, by label. */
  probabilities?: Record<string, number>;
}

/**
 * Predicts every row of a raw table (missing values included; the target column and the ignored
 * ones, if present, are left out) with a table model and its saved preprocessing, as the CLI's
 * table-predict.ts does: the class with every class's probability, or the value. A column the
 * model does not know, or one it lacks, is TablePreprocessing.transform's error naming it.
 */
export async function predictTable(model: Sequential, pre: TablePreprocessing, table: Table): Promise<TableRowPrediction[]> {
  const x = pre.transform(table);
  let values: Float32Array;
  try {
    const out = model.predict(x, { batchSize: 512 });
    values = (await out.data()) as Float32Array;
    out.dispose();
  } finally {
    x.dispose();
  }
  if (values.some((v) => !Number.isFinite(v))) throw new Error('the model gave NaN or infinite outputs for these rows');
  if (pre.target.task === 'regression') return Array.from(pre.target.decode(values), (v, i) => ({ row: i + 1, predicted: v }));
  const labels = pre.target.labels!;
  const rows = values.length / labels.length;
  return Array.from({ length: rows }, (_, i) => {
    const probs = values.subarray(i * labels.length, (i + 1) * labels.length);
    let best = 0;
    for (let c = 1; c < labels.length; c++) if (probs[c]! > probs[best]!) best = c;
    return { row: i + 1, predicted: labels[best]!, probabilities: Object.fromEntries(labels.map((l, c) => [l, probs[c]!])) };
  });
}
