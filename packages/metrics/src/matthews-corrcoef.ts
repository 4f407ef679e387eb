import { checkOptions } from '@lab/core';
import type { TaskOptions } from './classification-options.js';
import { type Counts, marginals } from './counts.js';
import { NO_MULTILABEL_ADVICE } from './indicator-check.js';
import type { LabelsInput } from './label-input.js';
import { TASK_OPTIONS } from './option-constraints.js';
import { readCounts } from './read-counts.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';

/** Options of {@link matthewsCorrcoef}: `threshold`, `task` and `sampleWeight`. */
export interface MatthewsCorrcoefOptions extends TaskOptions {
  /** One weight per sample (scikit-learn's `sample_weight`); default all 1. */
  sampleWeight?: SampleWeight;
}

/** The Matthews correlation coefficient of counts (binary or multiclass). */
export function matthewsCorrcoefFromCounts(counts: Counts, fn: string): number {
  if (counts.kind !== 'classes') throw new Error(`${fn}: multilabel data is not supported`);
  const n = counts.classes.length;
  const { actual, predicted } = marginals(counts);
  let correct = 0;
  let samples = 0;
  let truePred = 0;
  let predPred = 0;
  let trueTrue = 0;
  for (let i = 0; i < n; i++) {
    correct += counts.matrix[i * n + i]!;
    samples += predicted[i]!;
    truePred += actual[i]! * predicted[i]!;
    predPred += predicted[i]! * predicted[i]!;
    trueTrue += actual[i]! * actual[i]!;
  }
  const covYtYp = correct * samples - truePred;
  const covYpYp = samples * samples - predPred;
  const covYtYt = samples * samples - trueTrue;
  return covYpYp * covYtYt === 0 ? 0 : covYtYp / Math.sqrt(covYtYt * covYpYp);
}

/**
 * The Matthews correlation coefficient (multiclass R_K), in [-1, 1], as scikit-learn 1.2's
 * `matthews_corrcoef` (with `sampleWeight`): 0 when either side has a single class. Binary and multiclass data only;
 * one synchronous read of the labels; inputs are not disposed.
 *
 * @example
 * matthewsCorrcoef([1, 1, 1, 0], [1, 0, 1, 1]) // → -0.3333333333333333
 */
export function matthewsCorrcoef(yTrue: LabelsInput, yPred: LabelsInput, options: MatthewsCorrcoefOptions = {}): number {
  checkOptions('matthewsCorrcoef', options, { ...TASK_OPTIONS, ...SAMPLE_WEIGHT_OPTION });
  if (options.task === 'multilabel') throw new Error('matthewsCorrcoef: multilabel data is not supported');
  const counts = readCounts(yTrue, yPred, options, 'matthewsCorrcoef', { advice: NO_MULTILABEL_ADVICE, sampleWeight: options.sampleWeight });
  return matthewsCorrcoefFromCounts(counts, 'matthewsCorrcoef');
}
