import { classificationReport, confusionMatrix, meanAbsoluteError, meanSquaredError, r2Score } from '@lab/metrics';
import type { Sequential } from '@lab/models';
import type { TableColumn, TablePreprocessing } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';

/** A classification model's scores on labelled rows. */
export interface ClassificationScores {
  task: 'classification';
  samples: number;
  /** Mean categorical cross-entropy (probabilities clipped to [1e-7, 1 − 1e-7], as Keras). */
  loss: number;
  accuracy: number;
  /** Class labels, in output order. */
  classes: string[];
  /** `matrix[t][p]`: rows true classes, columns predicted, in `classes` order. */
  matrix: number[][];
  /** Per class precision, recall, F1 and support (scikit-learn's classification_report, zero_division=0). */
  perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
}

/** A regression model's scores on labelled rows, in the target's units. */
export interface RegressionScores {
  task: 'regression';
  samples: number;
  /** MSE on the standardized target (the training loss's scale). */
  loss: number;
  rmse: number;
  mae: number;
  r2: number;
  actual: number[];
  predicted: number[];
}

/** What the page shows after training. */
export type TableScores = ClassificationScores | RegressionScores;

/**
 * Scores `model` on transformed features `x` against the raw `target` values, as the CLI's
 * table-scores.ts does: accuracy, confusion matrix and per-class report (@lab/metrics), or RMSE,
 * MAE and R² of the un-scaled predictions. Disposes what it makes; `x` stays the caller's.
 */
export async function scoreTable(model: Sequential, pre: TablePreprocessing, x: tf.Tensor, target: TableColumn): Promise<TableScores> {
  const encoded = pre.target.encode(target);
  const out = model.predict(x, { batchSize: 512 });
  if (pre.target.task === 'classification') {
    const [loss, predictedTensor] = tf.tidy(() => {
      const y = tf.cast(tf.oneHot(tf.tensor1d(encoded, 'int32'), pre.target.outputs), 'float32');
      return [tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(tf.clipByValue(out, 1e-7, 1 - 1e-7))), -1))), tf.argMax(out, -1)];
    });
    const predicted = Array.from(await predictedTensor.data(), Number);
    const lossValue = (await loss.data())[0]!;
    tf.dispose([out, loss, predictedTensor]);
    const truth = Array.from(encoded, Number);
    const classes = [...pre.target.labels!];
    const labels = classes.map((_, i) => i);
    const report = classificationReport(truth, predicted, { labels, targetNames: classes, zeroDivision: 0 });
    const hits = truth.reduce((n, t, i) => n + (t === predicted[i] ? 1 : 0), 0);
    return {
      task: 'classification',
      samples: truth.length,
      loss: lossValue,
      accuracy: hits / truth.length,
      classes,
      matrix: confusionMatrix(truth, predicted, { labels }),
      perClass: report.classes.map(({ precision, recall, f1, support }, i) => ({ label: classes[i]!, precision, recall, f1, support })),
    };
  }
  const raw = await out.data();
  out.dispose();
  const predicted = Array.from(pre.target.decode(raw));
  const actual = Array.from(target as Float64Array);
  const loss = predicted.reduce((s, p, i) => s + ((p - actual[i]!) / pre.target.scale) ** 2, 0) / actual.length;
  return {
    task: 'regression',
    samples: actual.length,
    loss,
    rmse: meanSquaredError(actual, predicted, { squared: false }),
    mae: meanAbsoluteError(actual, predicted),
    r2: r2Score(actual, predicted),
    actual,
    predicted,
  };
}
