import * as tf from '@tensorflow/tfjs-core';
import { arrayToTensor, inputShape, type LabelsInput } from './label-input.js';

const ONE_CLASS = 'give one class per sample (labels, one-hot rows, probabilities or logits)';

/**
 * What a metric that reads one class per sample says when it meets a multilabel indicator matrix.
 * Metrics that cannot score multilabel data say so instead.
 */
export const MULTILABEL_ADVICE = `pass task: 'multilabel' to score each label, or ${ONE_CLASS}`;

/** The advice of metrics that have no multilabel form (balanced accuracy, MCC). */
export const NO_MULTILABEL_ADVICE = `this metric has no multilabel form; ${ONE_CLASS}`;

/** The advice of the confusion matrix, whose multilabel form is another function. */
export const CONFUSION_ADVICE = `use multilabelConfusionMatrix with task: 'multilabel' for one 2x2 matrix per label, or ${ONE_CLASS}`;

/** True for a `[N, C]` input with C > 1: the only shape that can hold a multilabel indicator matrix. */
export function mayBeIndicators(input: LabelsInput): boolean {
  const shape = inputShape(input);
  return shape.length === 2 && shape[1]! > 1;
}

/** A side of a pair as a tensor: the input itself, or its JS array copied (inside the caller's tidy). */
export function asTensor(input: LabelsInput, name: string): tf.Tensor {
  return input instanceof tf.Tensor ? input : arrayToTensor(input, name);
}

/**
 * An int32 scalar, 1 when `x` (`[N, C]`, C > 1) holds only 0s and 1s and some row has no 1 or
 * more than one: a multilabel indicator matrix, which an argmax would silently read as the first
 * label of each row. One-hot rows, soft targets, probabilities and logits give 0. Device only;
 * the caller disposes the result.
 */
function indicatorFlag(x: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const f = tf.cast(x, 'float32');
    const zeroOrOne = tf.all(tf.logicalOr(tf.equal(f, 0), tf.equal(f, 1)));
    const notOneHot = tf.any(tf.notEqual(tf.sum(f, 1), 1));
    return tf.cast(tf.logicalAnd(zeroOrOne, notOneHot), 'int32') as tf.Scalar;
  });
}

/**
 * The int32 `[2]` flags of a pair, yTrue's then yPred's (see {@link indicatorFlag}); a side that is
 * `null` or not `[N, C > 1]` gets 0 without any work. The caller disposes the result.
 */
export function indicatorFlags(yTrue: tf.Tensor | null, yPred: tf.Tensor | null): tf.Tensor1D {
  return tf.tidy(() => {
    const flag = (x: tf.Tensor | null) => (x !== null && mayBeIndicators(x) ? indicatorFlag(x) : tf.scalar(0, 'int32'));
    return tf.stack([flag(yTrue), flag(yPred)]) as tf.Tensor1D;
  });
}

/**
 * Throws when either flag (as {@link indicatorFlags} gives them, read back) is set, naming the
 * side: `${fn}: yTrue ${where}is a multilabel indicator matrix ...; ${advice}`.
 */
export function throwIfIndicators(flags: ArrayLike<number>, fn: string, advice = MULTILABEL_ADVICE, where = ''): void {
  (['yTrue', 'yPred'] as const).forEach((name, i) => {
    if (flags[i]! > 0) {
      throw new Error(
        `${fn}: ${name} ${where}is a multilabel indicator matrix (0/1 values with a row that has no 1 or more than one), ` +
          `which would be read as one class per row (argmax); ${advice}`,
      );
    }
  });
}

/**
 * For functions that return a tensor without reading data: when a side may be an indicator matrix
 * (`sides` says which to look at), reads back its two flags once, synchronously, and throws as
 * {@link throwIfIndicators}. Nothing is read when no side is `[N, C > 1]`.
 */
export function checkNoIndicators(
  yTrue: LabelsInput,
  yPred: LabelsInput,
  fn: string,
  advice = MULTILABEL_ADVICE,
  sides: { yTrue: boolean; yPred: boolean } = { yTrue: true, yPred: true },
): void {
  const checkTrue = sides.yTrue && mayBeIndicators(yTrue);
  const checkPred = sides.yPred && mayBeIndicators(yPred);
  if (!checkTrue && !checkPred) return;
  const flags = tf.tidy(() =>
    indicatorFlags(checkTrue ? asTensor(yTrue, 'yTrue') : null, checkPred ? asTensor(yPred, 'yPred') : null),
  );
  const values = flags.dataSync();
  flags.dispose();
  throwIfIndicators(values, fn, advice);
}
