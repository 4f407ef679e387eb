import {
  type ClassificationReport,
  classificationReport,
  confusionMatrix,
  formatClassificationReport,
  formatConfusionMatrix,
} from '@lab/metrics';
import type { Sequential } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';

/** The test set's scores: loss, accuracy, scikit-learn's classification report, the confusion matrix. */
export interface TestReport {
  loss: number;
  accuracy: number;
  samples: number;
  classification_report: ClassificationReport;
  confusion_matrix: number[][];
  /** Indices of misclassified test samples (at most 64), their true and predicted labels and confidence. */
  misclassified: { index: number; label: number; predicted: number; probability: number }[];
}

/** Scores a compiled model on the test tensors; reads the predictions back once. */
export async function scoreTestSet(model: Sequential, x: tf.Tensor, y: tf.Tensor, labels: Uint8Array, classNames?: readonly string[]): Promise<TestReport> {
  const scores = await model.evaluate(x, y, { batchSize: 256 });
  const probabilities = model.predict(x, { batchSize: 512 });
  const [predictedTensor, confidenceTensor] = tf.tidy(() => [tf.argMax(probabilities, -1), tf.max(probabilities, -1)]);
  probabilities.dispose();
  const predicted = Array.from(await predictedTensor!.data(), Number);
  const confidence = await confidenceTensor!.data();
  tf.dispose([predictedTensor!, confidenceTensor!]);
  const truth = Array.from(labels);
  const classes = Array.from({ length: classNames?.length ?? 10 }, (_, i) => i);
  const names = classNames?.some((n, i) => n !== String(i)) ? { targetNames: [...classNames!] } : {};
  const misclassified: TestReport['misclassified'] = [];
  for (let i = 0; i < truth.length && misclassified.length < 64; i++) {
    if (predicted[i] !== truth[i]) misclassified.push({ index: i, label: truth[i]!, predicted: predicted[i]!, probability: confidence[i]! });
  }
  return {
    loss: scores.loss!,
    accuracy: scores.accuracy!,
    samples: truth.length,
    classification_report: classificationReport(truth, predicted, { labels: classes, zeroDivision: 0, ...names }),
    confusion_matrix: confusionMatrix(truth, predicted, { labels: classes }),
    misclassified,
  };
}

/** The report as terminal text: scikit-learn's classification report, then the confusion matrix. */
export function formatTestReport(report: TestReport, noun = 'digit'): string {
  return [
    `Test loss: ${report.loss.toFixed(4)}`,
    `Test accuracy: ${report.accuracy.toFixed(4)}`,
    '',
    formatClassificationReport(report.classification_report),
    `Confusion matrix (rows: true ${noun}, columns: predicted):`,
    formatConfusionMatrix(report.confusion_matrix, { names: report.classification_report.classes.map((c) => c.name) }),
  ].join('\n');
}
