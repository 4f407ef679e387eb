import { checkOptions } from '@lab/core';
import { checkLabelList, type TaskOptions } from './classification-options.js';
import type { Counts } from './counts.js';
import type { LabelsInput } from './label-input.js';
import { MULTILABEL_CONFUSION_OPTIONS } from './option-constraints.js';
import { labelStats } from './label-stats.js';
import { readCounts } from './read-counts.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';

/** Options of {@link multilabelConfusionMatrix}. */
export interface MultilabelConfusionMatrixOptions extends TaskOptions {
  /** Labels (classes, or column indices for multilabel) and their order; default all present. */
  labels?: readonly number[];
  /** One weight per sample (scikit-learn's `sample_weight`); counts sum weights. */
  sampleWeight?: SampleWeight;
}

/** One 2x2 matrix per label, `[[tn, fp], [fn, tp]]`, from counts. */
export function multilabelConfusionMatrixFromCounts(
  counts: Counts,
  options: MultilabelConfusionMatrixOptions,
  fn: string,
): number[][][] {
  const stats = labelStats(counts, { labels: options.labels, average: 'none' }, fn);
  const samples = counts.kind === 'multilabel' ? counts.samples : counts.matrix.reduce((a, b) => a + b, 0);
  return stats.labels.map((_, i) => {
    const tp = stats.truePositives[i]!;
    const fp = stats.predicted[i]! - tp;
    const fn = stats.actual[i]! - tp;
    return [
      [samples - tp - fp - fn, fp],
      [fn, tp],
    ];
  });
}

/**
 * One-vs-rest confusion matrices, as scikit-learn 1.2's `multilabel_confusion_matrix`: for each
 * label (each column with `task: 'multilabel'`, else each class present or listed in `labels`),
 * `[[tn, fp], [fn, tp]]`. One synchronous read; inputs are not disposed.
 *
 * @example
 * multilabelConfusionMatrix([[1, 0, 1], [0, 1, 0]], [[1, 0, 0], [0, 1, 1]], { task: 'multilabel' })
 * // → [[[1, 0], [0, 1]], [[1, 0], [0, 1]], [[0, 1], [1, 0]]]
 */
export function multilabelConfusionMatrix(
  yTrue: LabelsInput,
  yPred: LabelsInput,
  options: MultilabelConfusionMatrixOptions = {},
): number[][][] {
  const fn = 'multilabelConfusionMatrix';
  checkOptions(fn, options, { ...MULTILABEL_CONFUSION_OPTIONS, ...SAMPLE_WEIGHT_OPTION });
  checkLabelList(options.labels, fn);
  const counts = readCounts(yTrue, yPred, options, fn, { extra: options.labels ?? [], sampleWeight: options.sampleWeight });
  return multilabelConfusionMatrixFromCounts(counts, options, fn);
}
