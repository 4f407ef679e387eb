import * as tf from '@tensorflow/tfjs-core';

/**
 * How far a row of categorical probabilities may sum from 1 (relative to 1): a float32 softmax
 * over thousands of classes sums to 1 within about 1e-5, while logits, scores and probabilities
 * of the wrong axis miss it by far more.
 */
export const ROW_SUM_TOLERANCE = 1e-3;

const shown = (v: number): string => String(Number(v.toPrecision(6)));

/**
 * Throws, suggesting `fromLogits: true`, unless `p` can hold probabilities: every value in
 * [0, 1] and, given `classAxis`, every row along that axis summing to 1 within
 * {@link ROW_SUM_TOLERANCE}. Values outside [0, 1] would be clipped to 1e-7 or 1 - 1e-7, and
 * rows far from 1 rescaled, giving a finite, plausible and wrong loss (and no useful gradient).
 *
 * Costs one small reduction read back synchronously: the minimum and maximum of `p`, and the
 * smallest and largest row sum. NaN passes (the loss is NaN, as it was). Call it before the
 * loss's other ops, inside `tf.tidy`: nothing leaks when it throws, under `tf.grad` too.
 */
export function checkProbabilities(lossName: string, p: tf.Tensor, classAxis?: number): void {
  if (p.size === 0) return;
  const stats = offTape((x) => {
    const parts = [tf.min(x), tf.max(x)];
    if (classAxis !== undefined) {
      const sums = tf.sum(x, classAxis);
      parts.push(tf.min(sums), tf.max(sums));
    }
    return tf.stack(parts);
  }, p);
  const [low, high, lowSum, highSum] = stats.dataSync();
  stats.dispose();
  const activation = classAxis === undefined ? 'sigmoid' : 'softmax';
  if (low! < 0 || high! > 1) {
    throw new Error(
      `${lossName}: yPred holds values from ${shown(low!)} to ${shown(high!)}, outside [0, 1], so they are not ` +
        `probabilities; if yPred holds logits (no ${activation} applied), pass fromLogits: true`,
    );
  }
  if (classAxis !== undefined && (Math.abs(lowSum! - 1) > ROW_SUM_TOLERANCE || Math.abs(highSum! - 1) > ROW_SUM_TOLERANCE)) {
    throw new Error(
      `${lossName}: the rows of yPred along axis ${classAxis} sum to between ${shown(lowSum!)} and ${shown(highSum!)}, ` +
        `not 1 (within ${ROW_SUM_TOLERANCE}), so they are not probabilities; if yPred holds logits or scores ` +
        `(no ${activation} applied), pass fromLogits: true`,
    );
  }
}

/**
 * `f(x)` computed off the gradient tape. Under `tf.grad` tfjs keeps a copy of every input that a
 * recorded op's gradient needs until backprop, which never runs when the loss throws: run as the
 * forward pass of a `tf.customGrad` op (which records nothing inside and saves nothing), the
 * check's reduction leaves no such copies. Its gradient is zero; the loss never depends on it.
 */
function offTape(f: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor): tf.Tensor {
  return tf.customGrad((input) => ({ value: f(input as tf.Tensor), gradFunc: () => tf.zerosLike(input as tf.Tensor) }))(x);
}
