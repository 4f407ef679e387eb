/**
 * The confusion matrix: `matrix[t][p]` counts the samples of true class `t` predicted as `p`
 * (rows are true classes, as in scikit-learn). Labels outside `[0, numClasses)` are an error
 * naming the sample.
 */
export function confusionMatrix(labels: ArrayLike<number>, predictions: ArrayLike<number>, numClasses: number): number[][] {
  if (labels.length !== predictions.length) {
    throw new Error(`confusionMatrix: ${labels.length} labels but ${predictions.length} predictions`);
  }
  const matrix = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const [t, p] = [labels[i]!, predictions[i]!];
    if (!(t >= 0 && t < numClasses && p >= 0 && p < numClasses && Number.isInteger(t) && Number.isInteger(p))) {
      throw new Error(`confusionMatrix: sample ${i} has label ${t} and prediction ${p}, expected classes 0–${numClasses - 1}`);
    }
    matrix[t]![p]!++;
  }
  return matrix;
}

/** Precision, recall and F1 of one class, and how many samples truly are of it. */
export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/**
 * Per-class precision, recall and F1 from a confusion matrix, as scikit-learn's
 * `classification_report` gives them with `zero_division=0`: a class never predicted has
 * precision 0, a class never present has recall 0.
 */
export function classScores(matrix: readonly (readonly number[])[]): ClassScores[] {
  return matrix.map((row, c) => {
    const tp = row[c]!;
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((sum, r) => sum + r[c]!, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1, support };
  });
}

/** The fraction of samples on the diagonal. */
export function matrixAccuracy(matrix: readonly (readonly number[])[]): number {
  const total = matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  return total === 0 ? 0 : matrix.reduce((sum, row, c) => sum + row[c]!, 0) / total;
}
