import { classificationReport, confusionMatrix, formatClassificationReport, formatConfusionMatrix, meanAbsoluteError, meanSquaredError, r2Score } from '@lab/metrics';
import type { Sequential } from '@lab/models';
import type { TableColumn, TablePreprocessing } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';

/** A table model's scores on some rows: `--json` fields, the log's text, and `test-report.json`. */
export interface TableScores {
  json: Record<string, unknown>;
  text: string;
  report: Record<string, unknown>;
  /** Regression: true and predicted values, in the target's units (for the report's plots). */
  pairs?: { actual: number[]; predicted: number[] };
  /** Classification: true and predicted class indices. */
  classes?: { truth: number[]; predicted: number[] };
}

/**
 * Scores `model` on transformed features `x` against the raw `target` values: for classification,
 * accuracy, scikit-learn's classification report (class names from the target) and the confusion
 * matrix; for regression, RMSE, MAE and R² in the target's units (predictions un-scaled).
 */
export async function scoreTable(model: Sequential, pre: TablePreprocessing, x: tf.Tensor, target: TableColumn): Promise<TableScores> {
  const out = model.predict(x, { batchSize: 512 });
  const encoded = pre.target.encode(target);
  if (pre.target.task === 'classification') {
    const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(encoded, 'int32'), pre.target.outputs), 'float32'));
    const loss = tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(tf.clipByValue(out, 1e-7, 1 - 1e-7))), -1))));
    const predictedTensor = tf.argMax(out, -1);
    const predicted = Array.from(await predictedTensor.data(), Number);
    const lossValue = (await loss.data())[0]!;
    tf.dispose([out, y, loss, predictedTensor]);
    const truth = Array.from(encoded, Number);
    const labels = pre.target.labels!.map((_, i) => i);
    const names = [...pre.target.labels!];
    const report = classificationReport(truth, predicted, { labels, targetNames: names, zeroDivision: 0 });
    const matrix = confusionMatrix(truth, predicted, { labels });
    const acc = truth.reduce((hits, t, i) => hits + (t === predicted[i] ? 1 : 0), 0) / truth.length;
    return {
      json: { test_accuracy: acc, test_loss: lossValue, classification_report: report, confusion_matrix: matrix, classes: names },
      text: [
        `Test loss: ${lossValue.toFixed(4)}`,
        `Test accuracy: ${acc.toFixed(4)}`,
        '',
        formatClassificationReport(report),
        `Confusion matrix (rows: true ${pre.target.name}, columns: predicted):`,
        formatConfusionMatrix(matrix, { names }),
      ].join('\n'),
      report: { task: 'classification', target: pre.target.name, samples: truth.length, loss: lossValue, accuracy: acc, classes: names, classification_report: report, confusion_matrix: matrix },
      classes: { truth, predicted },
    };
  }
  const raw = await out.data();
  out.dispose();
  const predicted = Array.from(pre.target.decode(raw));
  const actual = Array.from(target as Float64Array);
  // scikit-learn's mean_squared_error(squared=False), mean_absolute_error and r2_score.
  const scores = { rmse: meanSquaredError(actual, predicted, { squared: false }), mae: meanAbsoluteError(actual, predicted), r2: r2Score(actual, predicted) };
  // The training loss is on the standardized target; the test loss here is its MSE on the same scale.
  const loss = predicted.reduce((s, p, i) => s + ((p - actual[i]!) / pre.target.scale) ** 2, 0) / actual.length;
  return {
    json: { test_loss: loss, test_rmse: scores.rmse, test_mae: scores.mae, test_r2: scores.r2 },
    text: [`Test loss (MSE, standardized target): ${loss.toFixed(4)}`, `Test RMSE: ${scores.rmse.toFixed(4)}`, `Test MAE: ${scores.mae.toFixed(4)}`, `Test R²: ${scores.r2.toFixed(4)}`].join('\n'),
    report: { task: 'regression', target: pre.target.name, samples: actual.length, loss, rmse: scores.rmse, mae: scores.mae, r2: scores.r2, actual, predicted },
    pairs: { actual, predicted },
  };
}
