import { any, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { formatShape } from './shape.js';

/** The options form of {@link toCategorical}'s second argument, for callers that name it. */
export interface ToCategoricalOptions {
  /** The number of columns, an integer >= 1. Default: the largest label + 1. */
  numClasses?: number;
}

/**
 * One-hot encodes integer labels (a Tensor of shape `[N]` or `[N, 1]` and any numeric dtype, or a
 * JS array), like `keras.utils.to_categorical(y, num_classes)`; `numClasses` is a number or
 * `{ numClasses }` (unknown keys are errors with a hint). A float32 `[N, numClasses]`
 * tensor with a 1 in column `labels[i]` of row `i`. `numClasses` defaults to the largest label
 * + 1. A Tensor is read synchronously (`dataSync`) to validate it: this is a dataset step, not a
 * per-batch one. Labels that are not integers in `[0, numClasses)` (NaN included) are errors
 * naming the first one, its index and the range, where Keras would cast or wrap them silently.
 * The input is not disposed; the caller disposes the result.
 *
 * @example
 * toCategorical([0, 2, 1]) // → [[1, 0, 0], [0, 0, 1], [0, 1, 0]] float32
 */
export function toCategorical(labels: tf.Tensor | ArrayLike<number>, classesOrOptions?: number | ToCategoricalOptions): tf.Tensor2D {
  let numClasses = classesOrOptions as number | undefined;
  if (typeof classesOrOptions === 'object' && classesOrOptions !== null) {
    checkOptions('toCategorical', classesOrOptions, { numClasses: any() });
    numClasses = classesOrOptions.numClasses;
  }
  if (numClasses !== undefined && !(Number.isInteger(numClasses) && numClasses >= 1)) {
    throw new Error(`toCategorical: numClasses must be an integer >= 1, got ${numClasses}`);
  }
  const values = readLabels(labels);
  const classes = numClasses ?? inferClasses(values);
  for (let i = 0; i < values.length; i++) {
    const label = values[i]!;
    if (!(Number.isInteger(label) && label >= 0 && label < classes)) {
      throw new Error(`toCategorical: labels[${i}] is ${label}; labels must be integers in [0, ${classes})`);
    }
  }
  const oneHot = new Float32Array(values.length * classes);
  for (let i = 0; i < values.length; i++) oneHot[i * classes + values[i]!] = 1;
  return tf.tensor2d(oneHot, [values.length, classes]);
}

/** The label values of a 1-D or `[N, 1]` input (Keras drops a trailing axis of 1 too). */
function readLabels(labels: tf.Tensor | ArrayLike<number>): ArrayLike<number> {
  if (!(labels instanceof tf.Tensor)) return labels;
  const [, columns = 1] = labels.shape;
  if (labels.rank < 1 || labels.rank > 2 || columns !== 1) {
    throw new Error(`toCategorical: labels must have shape [N] or [N, 1], got ${formatShape(labels.shape)}`);
  }
  if (labels.dtype === 'string' || labels.dtype === 'complex64') {
    throw new Error(`toCategorical: labels must be numeric, got dtype ${labels.dtype}`);
  }
  return labels.dataSync();
}

/** Largest finite label + 1, so that a bad label is reported against the range it broke. */
function inferClasses(values: ArrayLike<number>): number {
  if (values.length === 0) throw new Error('toCategorical: cannot infer numClasses from empty labels; pass numClasses');
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) max = Math.max(max, values[i]!);
  return Number.isFinite(max) ? Math.max(Math.floor(max) + 1, 1) : 1;
}
