import { type Constraints, checkOptions } from '@lab/core';
import { SCORE_OPTIONS } from './option-constraints.js';
import type { SampleWeight } from './sample-weight.js';
import type { LabelOptions } from './to-labels.js';

/**
 * How scores over several labels are combined, as scikit-learn's `average` (with `'none'` for
 * its `None`):
 * - `binary`: only the class `posLabel`; the data must have at most two classes;
 * - `micro`: from the total true positives, false positives and false negatives;
 * - `macro`: the unweighted mean of the per-label scores;
 * - `weighted`: the mean of the per-label scores weighted by support (true instances);
 * - `samples`: multilabel only, the score of each sample's label set, averaged over samples
 *   (weighted by `sampleWeight`);
 * - `none`: the per-label scores, in the order of `labels`.
 */
export type Average = 'binary' | 'micro' | 'macro' | 'weighted' | 'samples' | 'none';

/**
 * The value of a ratio whose denominator is 0, as scikit-learn 1.2's `zero_division`: `'warn'`
 * gives 0 and prints a warning (`console.warn`), `0` and `1` give that value silently.
 * scikit-learn 1.2 refuses `zero_division=np.nan` (1.3 added it), and so does lab.
 */
export type ZeroDivision = 'warn' | 0 | 1;

/**
 * How inputs are read:
 * - `binary` and `multiclass`: one class per sample, read by {@link toLabels} (argmax of `[N, C]`
 *   scores, `p > threshold` for 1-D or `[N, 1]` probabilities); `binary` also requires every label
 *   to be 0 or 1;
 * - `multilabel`: `[N, L]` indicators or probabilities on both sides, each column a yes/no label
 *   (`p > threshold`; apply `tf.sigmoid` to logits first).
 *
 * Whether the data is binary (for `average: 'binary'`) is decided as scikit-learn does: by the
 * number of distinct labels in yTrue and yPred together.
 */
export type Task = 'binary' | 'multiclass' | 'multilabel';

/** Options of every classification metric: the threshold and the task. */
export interface TaskOptions extends LabelOptions {
  /** How inputs are read; default `multiclass` (which also reads binary data). */
  task?: Task;
}

/** Options of the precision / recall / F-score family, as scikit-learn's. */
export interface ScoreOptions extends TaskOptions {
  /** See {@link Average}. Default `'binary'`, as scikit-learn (multiclass data needs another). */
  average?: Average;
  /**
   * The labels to score and their order for `average: 'none'` (class values; column indices for
   * multilabel). Labels absent from the data score 0 (or `zeroDivision`). Default: every label in
   * yTrue or yPred, ascending (multilabel: every column). Ignored by `average: 'binary'`.
   */
  labels?: readonly number[];
  /** The class scored by `average: 'binary'`. Default 1. */
  posLabel?: number;
  /** See {@link ZeroDivision}. Default `'warn'`. */
  zeroDivision?: ZeroDivision;
  /**
   * Functional scores only: one weight per sample (scikit-learn's `sample_weight`); streaming
   * metrics take it as `update`'s third argument. Default all 1.
   */
  sampleWeight?: SampleWeight;
}

/** Options of {@link fbeta} and {@link FBetaScore}: {@link ScoreOptions} and `beta`. */
export interface FBetaOptions extends ScoreOptions {
  /** Weight of recall against precision, >= 0 (`Infinity` gives recall). Required. */
  beta: number;
}

const AVERAGES: readonly Average[] = ['binary', 'micro', 'macro', 'weighted', 'samples', 'none'];

/**
 * Validates the options of a score, naming the function and the option at fault: unknown options
 * (with a "did you mean" hint) and the values of `constraints` (@lab/core), then `average`,
 * `zeroDivision` and `labels` ({@link checkScoreValues}), whose messages predate the constraints.
 */
export function checkScoreOptions(options: ScoreOptions, fn: string, constraints: Constraints = SCORE_OPTIONS): void {
  checkOptions(fn, options, constraints);
  checkScoreValues(options, fn);
}

/** The part of {@link checkScoreOptions} after the constraints: `average`, `zeroDivision`, `labels`. */
export function checkScoreValues(options: ScoreOptions, fn: string): void {
  if (options.average !== undefined && !AVERAGES.includes(options.average)) {
    throw new Error(
      `${fn}: average must be one of ${AVERAGES.map((a) => `'${a}'`).join(', ')}; got ${String(options.average)}`,
    );
  }
  checkZeroDivision(options.zeroDivision, fn);
  checkLabelList(options.labels, fn);
}

/** Checks a `zeroDivision` option: `'warn'`, 0 or 1. */
export function checkZeroDivision(zd: unknown, fn: string): void {
  if (zd !== undefined && zd !== 'warn' && zd !== 0 && zd !== 1) {
    throw new Error(`${fn}: zeroDivision must be 'warn', 0 or 1 (scikit-learn 1.2 has no NaN option); got ${String(zd)}`);
  }
}

/** Checks a `labels` option: a non-empty list of distinct integers. */
export function checkLabelList(labels: readonly number[] | undefined, fn: string): void {
  if (labels === undefined) return;
  if (labels.length === 0) throw new Error(`${fn}: labels must not be empty`);
  const seen = new Set<number>();
  for (const label of labels) {
    if (!Number.isInteger(label)) throw new Error(`${fn}: labels must be integers; got ${String(label)}`);
    if (seen.has(label)) throw new Error(`${fn}: labels lists ${label} twice`);
    seen.add(label);
  }
}
