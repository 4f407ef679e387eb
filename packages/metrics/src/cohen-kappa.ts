import { array, checkOptions, integer, oneOf } from '@lab/core';
import { checkLabelList, type TaskOptions } from './classification-options.js';
import { confusionMatrixFromCounts } from './confusion-matrix.js';
import type { Counts } from './counts.js';
import { NO_MULTILABEL_ADVICE } from './indicator-check.js';
import type { LabelsInput } from './label-input.js';
import { TASK_OPTIONS } from './option-constraints.js';
import { readCounts } from './read-counts.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';

/** Options of {@link cohenKappa} and {@link CohenKappa}. */
export interface CohenKappaOptions extends TaskOptions {
  /** The classes of the confusion matrix, in order (their positions set the distances of `weights`). Default: all present. */
  labels?: readonly number[];
  /**
   * How disagreements are penalised: unweighted (default), `'linear'` (by the distance between the
   * classes' positions) or `'quadratic'` (its square), as scikit-learn's `weights`.
   */
  weights?: 'linear' | 'quadratic';
}

/** Options of the functional {@link cohenKappa}: {@link CohenKappaOptions} and `sampleWeight`. */
export interface WeightedCohenKappaOptions extends CohenKappaOptions {
  /** One weight per sample (scikit-learn's `sample_weight`); default all 1. */
  sampleWeight?: SampleWeight;
}

/** The constraints of {@link CohenKappaOptions}. */
export const COHEN_KAPPA_OPTIONS = { ...TASK_OPTIONS, labels: array(integer()), weights: oneOf('linear', 'quadratic') };

/** Cohen's kappa of counts, as scikit-learn 1.2 computes it from the confusion matrix. */
export function cohenKappaFromCounts(counts: Counts, options: CohenKappaOptions, fn: string): number {
  if (counts.kind !== 'classes') throw new Error(`${fn}: multilabel data is not supported`);
  const confusion = confusionMatrixFromCounts(counts, { labels: options.labels }, fn);
  const n = confusion.length;
  const predicted = confusion[0]!.map((_, j) => confusion.reduce((a, row) => a + row[j]!, 0));
  const actual = confusion.map((row) => row.reduce((a, b) => a + b, 0));
  const total = predicted.reduce((a, b) => a + b, 0);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = Math.abs(i - j);
      const w = options.weights === 'linear' ? d : options.weights === 'quadratic' ? d * d : d === 0 ? 0 : 1;
      observed += w * confusion[i]![j]!;
      // scikit-learn's expected matrix is outer(column sums, row sums) / total.
      expected += (w * ((predicted[i]! * actual[j]!) / total));
    }
  }
  // One class on both sides gives 0 / 0 = NaN, as in scikit-learn.
  return 1 - observed / expected;
}

/**
 * Cohen's kappa, agreement beyond chance between two labelings, as scikit-learn 1.2's
 * `cohen_kappa_score`: `1 - Σ w·observed / Σ w·expected` over the confusion matrix, with
 * `weights` (none, linear, quadratic), `labels` and `sampleWeight`; NaN when both sides hold one
 * class. Binary and multiclass data; one synchronous read; inputs are not disposed.
 *
 * @example
 * cohenKappa([0, 1, 2, 2, 1], [0, 2, 2, 2, 1]) // → 0.6875
 */
export function cohenKappa(yTrue: LabelsInput, yPred: LabelsInput, options: WeightedCohenKappaOptions = {}): number {
  const fn = 'cohenKappa';
  checkOptions(fn, options, { ...COHEN_KAPPA_OPTIONS, ...SAMPLE_WEIGHT_OPTION });
  if (options.task === 'multilabel') throw new Error(`${fn}: multilabel data is not supported`);
  checkLabelList(options.labels, fn);
  const counts = readCounts(yTrue, yPred, options, fn, { advice: NO_MULTILABEL_ADVICE, sampleWeight: options.sampleWeight });
  return cohenKappaFromCounts(counts, options, fn);
}
