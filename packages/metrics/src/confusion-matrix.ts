import { checkOptions } from '@lab/core';
import { checkLabelList, type TaskOptions } from './classification-options.js';
import { type ClassCounts, type Counts, marginals } from './counts.js';
import { CONFUSION_ADVICE } from './indicator-check.js';
import type { LabelsInput } from './label-input.js';
import { CONFUSION_MATRIX_OPTIONS } from './option-constraints.js';
import { readCounts } from './read-counts.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';

/** Options of {@link confusionMatrix} and {@link ConfusionMatrix}. */
export interface ConfusionMatrixOptions extends TaskOptions {
  /**
   * The classes of the rows and columns, in order; samples whose true or predicted class is not
   * listed are left out. Default: every class in yTrue or yPred, ascending.
   */
  labels?: readonly number[];
  /**
   * Divide each count by its row's total (`'true'`), its column's (`'pred'`) or the grand total
   * (`'all'`); a total of 0 gives 0s. Default: raw counts.
   */
  normalize?: 'true' | 'pred' | 'all';
  /** Functional only: one weight per sample (scikit-learn's `sample_weight`); cells sum weights. */
  sampleWeight?: SampleWeight;
}

/** Checks the options of a confusion matrix, naming the function and the option at fault. */
export function checkConfusionOptions(options: ConfusionMatrixOptions, fn: string): void {
  if (options.task === 'multilabel') {
    throw new Error(`${fn}: multilabel data has one 2x2 matrix per label; use multilabelConfusionMatrix`);
  }
  checkLabelList(options.labels, fn);
}

/** The confusion matrix of counts, with the options of {@link confusionMatrix}. */
export function confusionMatrixFromCounts(counts: Counts, options: ConfusionMatrixOptions, fn: string): number[][] {
  if (counts.kind !== 'classes') throw new Error(`${fn}: multilabel data; use multilabelConfusionMatrix`);
  const labels = options.labels ? [...options.labels] : counts.classes;
  const index = new Map(counts.classes.map((c, i) => [c, i]));
  const { actual } = marginals(counts);
  const inTruth = (l: number) => (counts.trueClasses ? counts.trueClasses.has(l) : (actual[index.get(l) ?? -1] ?? 0) > 0);
  if (!labels.some(inTruth)) {
    throw new Error(`${fn}: none of labels ${labels.join(', ')} occurs in yTrue; at least one must`);
  }
  const matrix = labels.map((r) => labels.map((c) => cell(counts, index.get(r), index.get(c))));
  return normalized(matrix, options.normalize);
}

function cell(counts: ClassCounts, row: number | undefined, column: number | undefined): number {
  if (row === undefined || column === undefined) return 0;
  return counts.matrix[row * counts.classes.length + column]!;
}

function normalized(matrix: number[][], normalize: ConfusionMatrixOptions['normalize']): number[][] {
  if (normalize === undefined) return matrix;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const all = sum(matrix.map(sum));
  const columns = matrix[0]!.map((_, j) => sum(matrix.map((row) => row[j]!)));
  return matrix.map((row) => {
    const rowTotal = sum(row);
    return row.map((v, j) => {
      const total = normalize === 'true' ? rowTotal : normalize === 'pred' ? columns[j]! : all;
      return total === 0 ? 0 : v / total;
    });
  });
}

/**
 * The confusion matrix as scikit-learn 1.2's `confusion_matrix`: `m[i][j]` counts the samples of
 * true class `labels[i]` predicted as `labels[j]`. Inputs are read as {@link toLabels} does (one
 * synchronous read of the labels); see {@link ConfusionMatrixOptions}. Throws for multilabel data,
 * and when no listed label occurs in yTrue.
 *
 * @example
 * confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]) // → [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
 */
export function confusionMatrix(
  yTrue: LabelsInput,
  yPred: LabelsInput,
  options: ConfusionMatrixOptions = {},
): number[][] {
  checkOptions('confusionMatrix', options, { ...CONFUSION_MATRIX_OPTIONS, ...SAMPLE_WEIGHT_OPTION });
  checkConfusionOptions(options, 'confusionMatrix');
  const counts = readCounts(yTrue, yPred, options, 'confusionMatrix', { advice: CONFUSION_ADVICE, sampleWeight: options.sampleWeight });
  return confusionMatrixFromCounts(counts, options, 'confusionMatrix');
}
