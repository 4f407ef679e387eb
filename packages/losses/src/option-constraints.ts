import { any, boolean, type Constraints, instance, integer, oneOf } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';

// The options of every loss, as @lab/core's constraints: `checkOptions` rejects an unknown key
// (with a "did you mean" hint) and a value outside its constraint. `any()` marks an option whose
// value has its own check, whose message configs and tests already rely on (named beside it).

/** The options every loss takes ({@link LossOptions}). */
export const LOSS_OPTIONS = {
  /** Checked by `checkReduction`: 'mean', 'sum' or 'none'. */
  reduction: any(),
  sampleWeight: instance('a tf.Tensor', (v) => v instanceof tf.Tensor),
  /** Checked by `resolveAxis` against the inputs' rank. */
  axis: any(),
} satisfies Constraints;

/** The options of the categorical and binary cross-entropies. */
export const CROSSENTROPY_OPTIONS = {
  ...LOSS_OPTIONS,
  fromLogits: boolean(),
  /** Checked by `checkSmoothing`: a number in [0, 1]. */
  labelSmoothing: any(),
  checkProbabilities: boolean(),
} satisfies Constraints;

const isTensor = instance('a tf.Tensor', (v) => v instanceof tf.Tensor);

/** The options of the categorical cross-entropy: the cross-entropy options and `classWeight`. */
export const CATEGORICAL_OPTIONS = { ...CROSSENTROPY_OPTIONS, classWeight: isTensor } satisfies Constraints;

/** The options of the sparse categorical cross-entropy. */
export const SPARSE_OPTIONS = {
  ...CATEGORICAL_OPTIONS,
  checkLabels: boolean(),
  ignoreIndex: integer(),
} satisfies Constraints;

/** The options of the binary cross-entropy: the cross-entropy options, `posWeight`, `probabilityClipping`. */
export const BINARY_OPTIONS = {
  ...CROSSENTROPY_OPTIONS,
  posWeight: isTensor,
  probabilityClipping: oneOf('keras', 'torch'),
} satisfies Constraints;
