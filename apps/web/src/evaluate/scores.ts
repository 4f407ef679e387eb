import { classificationReport, confusionMatrix } from '@lab/metrics';
import { NUM_CLASSES } from '../lesson-model.js';

/** Precision, recall and F1 of one class, and how many samples truly are of it. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** What the evaluation step shows besides the galleries. */
export interface TestScores {
  /** `matrix[t][p]` counts the samples of true class `t` predicted as `p` (rows are true classes). */
  matrix: number[][];
  /** One row per class 0–9, as scikit-learn's `classification_report` with `zero_division=0`. */
  scores: ClassScores[];
  accuracy: number;
}

// Every digit gets its row, column and report line, even one absent from the test split.
const CLASSES = Array.from({ length: NUM_CLASSES }, (_, c) => c);

/**
 * The confusion matrix, per-class precision / recall / F1 / support and the accuracy of
 * `predictions` against `labels` (class indices), from @lab/metrics (scikit-learn 1.2's numbers):
 * a class never predicted has precision 0, a class never present recall 0. Throws, naming both
 * lengths, when they differ, and when no sample is of a class 0–9.
 */
export function testScores(labels: ArrayLike<number>, predictions: ArrayLike<number>): TestScores {
  const matrix = confusionMatrix(labels, predictions, { labels: CLASSES });
  const report = classificationReport(labels, predictions, { labels: CLASSES, zeroDivision: 0 });
  const scores = report.classes.map(({ precision, recall, f1, support }) => ({ precision, recall, f1, support }));
  // The report gives `accuracy` when every class occurs, else the micro averages, which equal it
  // here (every sample's class is one of the ten).
  const accuracy = report.accuracy ?? report.microAvg!.f1;
  return { matrix, scores, accuracy };
}
