import { checkOptions, integer } from '@lab/core';
import { binaryCurve } from './binary-curve.js';
import type { ValuesInput } from './host-values.js';
import { readScorePair, resolvePosLabel, vector } from './ranking-input.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';
import { warner } from './scores.js';

/** Options of {@link precisionRecallCurve}. */
export interface PrecisionRecallCurveOptions {
  /** The positive class. Default 1, which needs labels in {0, 1} or {-1, 1}. */
  posLabel?: number;
  /** One weight per sample; default all 1. */
  sampleWeight?: SampleWeight;
}

/** Precision and recall at increasing thresholds, each ending in the point (recall 0, precision 1). */
export interface PrecisionRecallCurve {
  precision: number[];
  recall: number[];
  /** Increasing distinct scores; one fewer than the points. */
  thresholds: number[];
}

const PR_CURVE_OPTIONS = { posLabel: integer(), ...SAMPLE_WEIGHT_OPTION };

/**
 * Precision-recall pairs at every distinct score, as scikit-learn 1.2's `precision_recall_curve`:
 * binary labels against 1-D scores; a precision of 0/0 is 0; with no positive sample, recall is
 * 1 everywhere, with a warning. Reads back once, float64; nothing is disposed.
 *
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
 * // → { precision: [0.5, 0.6666666666666666, 0.5, 1, 1], recall: [1, 1, 0.5, 0.5, 0], thresholds: [0.1, 0.35, 0.4, 0.8] }
 */
export function precisionRecallCurve(yTrue: ValuesInput, yScore: ValuesInput, options: PrecisionRecallCurveOptions = {}): PrecisionRecallCurve {
  const fn = 'precisionRecallCurve';
  checkOptions(fn, options, PR_CURVE_OPTIONS);
  const pair = readScorePair(yTrue, yScore, options.sampleWeight, fn);
  const labels = vector(pair.yTrue, fn, 'yTrue', 'binary labels');
  const scores = vector(pair.yScore, fn, 'yScore', 'one score per sample');
  return prFromLabels(labels, scores, pair.weight, options.posLabel, fn);
}

/** {@link precisionRecallCurve} of checked host arrays. */
export function prFromLabels(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  weight: ArrayLike<number> | undefined,
  posLabel: number | undefined,
  fn: string,
  warn = warner(fn),
): PrecisionRecallCurve {
  const positive = resolvePosLabel(labels, posLabel, fn);
  const { fps, tps, thresholds } = binaryCurve(Array.from(labels, (l) => l === positive), scores, weight, fn);
  const precision = tps.map((tp, i) => (tp + fps[i]! === 0 ? 0 : tp / (tp + fps[i]!)));
  const last = tps[tps.length - 1]!;
  if (last === 0) warn('No positive class found in y_true, recall is set to one for all thresholds.');
  const recall = tps.map((tp) => (last === 0 ? 1 : tp / last));
  return { precision: [...precision.reverse(), 1], recall: [...recall.reverse(), 0], thresholds: thresholds.reverse() };
}
