import { any, array, boolean, type Constraints, integer, oneOf, string } from '@lab/core';

// The options of every metric, as @lab/core's constraints: `checkOptions` rejects an unknown key
// (with a "did you mean" hint) and a value outside its constraint. `any()` marks an option whose
// value has its own check, whose message callers and tests already rely on (named beside it).

/** `threshold` and `task`, which every classification metric takes. */
export const TASK_OPTIONS = {
  /** Checked by `resolveThreshold`: a number in [0, 1). */
  threshold: any(),
  task: oneOf('binary', 'multiclass', 'multilabel'),
} satisfies Constraints;

/** The options of the precision / recall / F-score family. */
export const SCORE_OPTIONS = {
  ...TASK_OPTIONS,
  /** Checked by `checkScoreOptions`: one of the averages. */
  average: any(),
  /** Also checked by `checkLabelList`: not empty, no label twice. */
  labels: array(integer()),
  posLabel: integer(),
  /** Checked by `checkScoreOptions`: 'warn', 0 or 1. */
  zeroDivision: any(),
} satisfies Constraints;

/** {@link SCORE_OPTIONS} and the F-score's `beta`. */
export const FBETA_OPTIONS = {
  ...SCORE_OPTIONS,
  /** Checked by `checkBeta`: a number >= 0, `Infinity` allowed. */
  beta: any(),
} satisfies Constraints;

/** What a streaming metric takes besides its functional twin's options. */
export const STREAMING_OPTIONS = {
  /** Checked by the metric: a positive integer (2 for `task: 'binary'`). */
  numClasses: any(),
} satisfies Constraints;

/** The options of `balancedAccuracy`. */
export const BALANCED_ACCURACY_OPTIONS = { ...TASK_OPTIONS, adjusted: boolean() } satisfies Constraints;

/** The options of `confusionMatrix`. */
export const CONFUSION_MATRIX_OPTIONS = {
  ...TASK_OPTIONS,
  labels: array(integer()),
  normalize: oneOf('true', 'pred', 'all'),
} satisfies Constraints;

/** The options of `multilabelConfusionMatrix`. */
export const MULTILABEL_CONFUSION_OPTIONS = { ...TASK_OPTIONS, labels: array(integer()) } satisfies Constraints;

/** The options of `classificationReport`. */
export const REPORT_OPTIONS = {
  ...TASK_OPTIONS,
  labels: array(integer()),
  targetNames: array(string()),
  /** Checked by `checkScoreOptions`: 'warn', 0 or 1. */
  zeroDivision: any(),
} satisfies Constraints;

/** The options of `topKAccuracy`. */
export const TOP_K_OPTIONS = {
  /** Checked by `resolveK`: a positive integer. */
  k: any(),
  normalize: boolean(),
} satisfies Constraints;
