import { checkOptions } from '@lab/core';
import type { TaskOptions } from './classification-options.js';
import type { Counts } from './counts.js';
import type { LabelsInput } from './label-input.js';
import { TASK_OPTIONS } from './option-constraints.js';
import { readCounts } from './read-counts.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';

/** Options of {@link hammingLoss}: `threshold`, `task` and `sampleWeight`. */
export interface HammingLossOptions extends TaskOptions {
  /** One weight per sample (scikit-learn's `sample_weight`); default all 1. Streaming: `update`'s third argument. */
  sampleWeight?: SampleWeight;
}

/** The Hamming loss of counts: wrong labels over all labels (weighted). */
export function hammingLossFromCounts(counts: Counts, fn: string): number {
  if (counts.kind === 'multilabel') {
    let differences = 0;
    for (let j = 0; j < counts.actual.length; j++) {
      differences += counts.predicted[j]! + counts.actual[j]! - 2 * counts.truePositives[j]!;
    }
    // scikit-learn divides by N · L · mean(weight), 0/0 = NaN when every weight is 0.
    return differences / (counts.samples * counts.actual.length);
  }
  const n = counts.classes.length;
  let total = 0;
  let right = 0;
  for (let i = 0; i < n; i++) {
    right += counts.matrix[i * n + i]!;
    for (let j = 0; j < n; j++) total += counts.matrix[i * n + j]!;
  }
  if (total === 0) throw new Error(`${fn}: the sample weights sum to zero, so the loss is undefined`);
  return (total - right) / total;
}

/**
 * The Hamming loss, as scikit-learn 1.2's `hamming_loss`: the fraction of wrong labels, i.e.
 * 1 - accuracy for binary and multiclass data, and the fraction of wrong cells of `[N, L]`
 * indicators with `task: 'multilabel'`; weighted by `sampleWeight`. One synchronous read; inputs
 * are not disposed.
 *
 * @example
 * hammingLoss([1, 2, 3, 4], [2, 2, 3, 4]) // → 0.25
 */
export function hammingLoss(yTrue: LabelsInput, yPred: LabelsInput, options: HammingLossOptions = {}): number {
  const fn = 'hammingLoss';
  checkOptions(fn, options, { ...TASK_OPTIONS, ...SAMPLE_WEIGHT_OPTION });
  return hammingLossFromCounts(readCounts(yTrue, yPred, options, fn, { sampleWeight: options.sampleWeight }), fn);
}
