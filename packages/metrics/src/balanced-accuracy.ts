import { checkOptions } from '@lab/core';
import type { TaskOptions } from './classification-options.js';
import { type Counts, marginals } from './counts.js';
import { NO_MULTILABEL_ADVICE } from './indicator-check.js';
import type { LabelsInput } from './label-input.js';
import { BALANCED_ACCURACY_OPTIONS } from './option-constraints.js';
import { readCounts } from './read-counts.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';
import { warner } from './scores.js';

/** Options of {@link balancedAccuracy} and {@link BalancedAccuracy}. */
export interface BalancedAccuracyOptions extends TaskOptions {
  /** Rescale so that chance scores 0 and perfect 1 (scikit-learn's `adjusted`). Default false. */
  adjusted?: boolean;
}

/** Options of {@link balancedAccuracy}: those of the streaming metric and `sampleWeight`. */
export interface WeightedBalancedAccuracyOptions extends BalancedAccuracyOptions {
  /** One weight per sample (scikit-learn's `sample_weight`); default all 1. */
  sampleWeight?: SampleWeight;
}

/** Balanced accuracy of counts; `warn` receives scikit-learn's warning for predicted-only classes. */
export function balancedAccuracyFromCounts(
  counts: Counts,
  options: BalancedAccuracyOptions,
  warn: (message: string) => void,
  fn = 'balancedAccuracy',
): number {
  if (counts.kind !== 'classes') throw new Error('balancedAccuracy: multilabel data is not supported');
  const n = counts.classes.length;
  const { actual } = marginals(counts);
  const recalls: number[] = [];
  let predictedOnly = false;
  for (let i = 0; i < n; i++) {
    // A class of the data with no (weight of) true samples: only predicted, or weighted 0.
    if (actual[i]! !== 0) recalls.push(counts.matrix[i * n + i]! / actual[i]!);
    else predictedOnly = true;
  }
  if (predictedOnly) warn('y_pred contains classes not in y_true');
  let score = recalls.reduce((a, b) => a + b, 0) / recalls.length;
  if (options.adjusted) {
    if (recalls.length === 0) throw new Error(`${fn}: no class has true samples of non-zero weight, so the adjusted score is undefined`);
    const chance = 1 / recalls.length;
    score = (score - chance) / (1 - chance);
  }
  return score;
}

/**
 * Balanced accuracy, the mean recall over the classes of yTrue, as scikit-learn 1.2's
 * `balanced_accuracy_score` (classes only predicted are left out, with a warning), with
 * `adjusted` and `sampleWeight`. Binary and multiclass data; one synchronous read; inputs are
 * not disposed.
 *
 * @example
 * balancedAccuracy([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]) // → 0.625
 */
export function balancedAccuracy(yTrue: LabelsInput, yPred: LabelsInput, options: WeightedBalancedAccuracyOptions = {}): number {
  checkOptions('balancedAccuracy', options, { ...BALANCED_ACCURACY_OPTIONS, ...SAMPLE_WEIGHT_OPTION });
  if (options.task === 'multilabel') throw new Error('balancedAccuracy: multilabel data is not supported');
  const counts = readCounts(yTrue, yPred, options, 'balancedAccuracy', { advice: NO_MULTILABEL_ADVICE, sampleWeight: options.sampleWeight });
  return balancedAccuracyFromCounts(counts, options, warner('balancedAccuracy'));
}
