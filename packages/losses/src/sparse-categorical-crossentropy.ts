import { boolean, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { type CategoricalCrossentropyOptions, crossentropy } from './categorical-crossentropy.js';
import { asFloat, checkSmoothing, resolveAxis } from './check-inputs.js';
import { CROSSENTROPY_OPTIONS } from './option-constraints.js';
import { checkProbabilities } from './probabilities.js';
import { checkReduction } from './reduction.js';

/** Options of {@link sparseCategoricalCrossentropy}. */
export interface SparseCategoricalCrossentropyOptions extends CategoricalCrossentropyOptions {
  /**
   * Read the labels back to check that each is an integer in [0, classes): a synchronous read,
   * cheap on the cpu and wasm backends. With `false`, an out-of-range label silently gets an
   * all-zero target (a loss of 0). Default `true`.
   */
  checkLabels?: boolean;
}

/** The constraints of {@link SparseCategoricalCrossentropyOptions}. */
export const SPARSE_OPTIONS = { ...CROSSENTROPY_OPTIONS, checkLabels: boolean() };

/**
 * Categorical cross-entropy with integer class labels instead of one-hot targets: Keras's
 * `SparseCategoricalCrossentropy`, and with `fromLogits: true` PyTorch's `cross_entropy` with class
 * indices (`label_smoothing` included, and `axis: 1` for its `(N, C, d1, ...)` layout).
 *
 * `yTrue` holds one label per sample, any numeric dtype: the shape of `yPred` without the class
 * axis, or with that axis of size 1 (Keras's `[batch, 1]` labels). A label that is not an integer
 * in [0, classes) is an error naming it and where it is. The result equals
 * {@link categoricalCrossentropy} on the one-hot labels, with the same options; from
 * probabilities, `yPred` is checked as there (`checkProbabilities`, a second small read). The
 * inputs are not disposed; the caller owns and disposes the returned tensor.
 */
export function sparseCategoricalCrossentropy(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: SparseCategoricalCrossentropyOptions = {},
): tf.Tensor {
  const name = 'sparseCategoricalCrossentropy';
  checkOptions(name, options, SPARSE_OPTIONS);
  checkReduction(name, options.reduction ?? 'mean');
  checkSmoothing(name, options.labelSmoothing ?? 0);
  if (yPred.rank === 0) {
    throw new Error(`${name}: yPred is a scalar; it needs a class axis`);
  }
  const classAxis = resolveAxis(name, options.axis ?? -1, yPred.rank);
  const classes = yPred.shape[classAxis] ?? 0;
  const labelShape = yPred.shape.filter((_, i) => i !== classAxis);
  const keptShape = yPred.shape.map((size, i) => (i === classAxis ? 1 : size));
  if (!tf.util.arraysEqual(yTrue.shape, labelShape) && !tf.util.arraysEqual(yTrue.shape, keptShape)) {
    throw new Error(
      `${name}: yTrue shape [${yTrue.shape.join(', ')}] does not fit yPred shape ` +
        `[${yPred.shape.join(', ')}]; labels need shape [${labelShape.join(', ')}] ` +
        `(or [${keptShape.join(', ')}]) for class axis ${classAxis}`,
    );
  }
  if (options.checkLabels ?? true) {
    checkLabels(name, yTrue, classes);
  }
  // Before the one-hot ops: under tf.grad, an op recorded before a throw leaks what it saved.
  if (!options.fromLogits && (options.checkProbabilities ?? true)) tf.tidy(() => checkProbabilities(name, asFloat(yPred), classAxis));
  return tf.tidy(() => {
    const flat = tf.cast(tf.reshape(yTrue, [-1]), 'int32');
    const lastAxisOneHot = tf.reshape(tf.oneHot(flat, classes), [...labelShape, classes]);
    // oneHot puts classes last; move them to the class axis.
    const last = labelShape.length;
    const perm = [...keptShape.keys()].map((j) => (j < classAxis ? j : j === classAxis ? last : j - 1));
    const target = classAxis === last ? lastAxisOneHot : tf.transpose(lastAxisOneHot, perm);
    return crossentropy(name, target, asFloat(yPred), { ...options, axis: classAxis, checkProbabilities: false });
  });
}

function checkLabels(name: string, labels: tf.Tensor, classes: number): void {
  const values = labels.dataSync();
  for (let i = 0; i < values.length; i++) {
    const label = values[i] ?? Number.NaN;
    if (!(Number.isInteger(label) && label >= 0 && label < classes)) {
      throw new Error(
        `${name}: label ${label} at flat index ${i} of yTrue is out of range; ` +
          `labels must be integers from 0 to ${classes - 1} for ${classes} classes`,
      );
    }
  }
}
