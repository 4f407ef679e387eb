import { boolean, checkOptions, integer } from '@lab/core';
import { binaryCurve } from './binary-curve.js';
import type { ValuesInput } from './host-values.js';
import { readScorePair, resolvePosLabel, vector } from './ranking-input.js';
import { SAMPLE_WEIGHT_OPTION, type SampleWeight } from './sample-weight.js';
import { warner } from './scores.js';

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** The positive class. Default 1, which needs labels in {0, 1} or {-1, 1}. */
  posLabel?: number;
  /** One weight per sample; default all 1. */
  sampleWeight?: SampleWeight;
  /** Drop thresholds on straight stretches of the curve, which change no area. Default true. */
  dropIntermediate?: boolean;
}

/** A ROC curve: false and true positive rates at decreasing thresholds. */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** Decreasing; the first is the highest score + 1 (scikit-learn 1.2), where nothing is positive. */
  thresholds: number[];
}

const ROC_CURVE_OPTIONS = { posLabel: integer(), ...SAMPLE_WEIGHT_OPTION, dropIntermediate: boolean() };

/**
 * The receiver operating characteristic, as scikit-learn 1.2's `roc_curve`: binary labels against
 * 1-D scores (probabilities or decision values; higher means more positive). With no negative (or
 * no positive) sample, fpr (tpr) is all NaN with a warning, as scikit-learn. Reads back once,
 * float64; nothing is disposed.
 *
 * @example
 * rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 })
 * // → { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [1.8, 0.8, 0.4, 0.35, 0.1] }
 */
export function rocCurve(yTrue: ValuesInput, yScore: ValuesInput, options: RocCurveOptions = {}): RocCurve {
  const fn = 'rocCurve';
  checkOptions(fn, options, ROC_CURVE_OPTIONS);
  const pair = readScorePair(yTrue, yScore, options.sampleWeight, fn);
  const labels = vector(pair.yTrue, fn, 'yTrue', 'binary labels');
  const scores = vector(pair.yScore, fn, 'yScore', 'one score per sample');
  return rocFromLabels(labels, scores, pair.weight, options, fn);
}

/** {@link rocCurve} of checked host arrays. */
export function rocFromLabels(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  weight: ArrayLike<number> | undefined,
  options: RocCurveOptions,
  fn: string,
  warn = warner(fn),
): RocCurve {
  const posLabel = resolvePosLabel(labels, options.posLabel, fn);
  const positive = Array.from(labels, (l) => l === posLabel);
  let { fps, tps, thresholds } = binaryCurve(positive, scores, weight, fn);
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    const keep = fps.map((_, i) => i === 0 || i === fps.length - 1 || secondDifference(fps, i) !== 0 || secondDifference(tps, i) !== 0);
    [fps, tps, thresholds] = [fps, tps, thresholds].map((xs) => xs.filter((_, i) => keep[i])) as [number[], number[], number[]];
  }
  fps = [0, ...fps];
  tps = [0, ...tps];
  thresholds = [thresholds[0]! + 1, ...thresholds];
  const rate = (xs: number[], what: string) => {
    const last = xs[xs.length - 1]!;
    if (last > 0) return xs.map((x) => x / last);
    warn(`No ${what} samples in y_true, ${what === 'negative' ? 'false' : 'true'} positive value should be meaningless`);
    return xs.map(() => Number.NaN);
  };
  return { fpr: rate(fps, 'negative'), tpr: rate(tps, 'positive'), thresholds };
}

function secondDifference(xs: number[], i: number): number {
  // As numpy's diff of a diff, in the same float operations.
  return xs[i + 1]! - xs[i]! - (xs[i]! - xs[i - 1]!);
}

/** The area under a curve by the trapezoidal rule, as scikit-learn's `auc` (x monotonic). */
export function trapezoidArea(x: readonly number[], y: readonly number[], fn: string): number {
  if (x.length < 2) throw new Error(`${fn}: at least 2 points are needed to compute the area under a curve; got ${x.length}`);
  let increasing = true;
  let decreasing = true;
  for (let i = 1; i < x.length; i++) {
    if (x[i]! < x[i - 1]!) increasing = false;
    if (x[i]! > x[i - 1]!) decreasing = false;
  }
  if (!increasing && !decreasing) throw new Error(`${fn}: x is neither increasing nor decreasing`);
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return increasing ? area : -area;
}
