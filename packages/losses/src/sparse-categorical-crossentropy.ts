import { checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { type CategoricalCrossentropyOptions, perSampleCrossentropy } from './categorical-crossentropy.js';
import { asFloat, checkSmoothing, resolveAxis } from './check-inputs.js';
import { checkWeightsNotMixed, classWeights } from './class-weight.js';
import { SPARSE_OPTIONS } from './option-constraints.js';
import { checkProbabilities } from './probabilities.js';
import { checkReduction, type Reduction, reduce } from './reduction.js';

/** Options of {@link sparseCategoricalCrossentropy}. */
export interface SparseCategoricalCrossentropyOptions extends CategoricalCrossentropyOptions {
  /**
   * Read the labels back to check that each is an integer in [0, classes): a synchronous read,
   * cheap on the cpu and wasm backends. With `false`, an out-of-range label silently gets an
   * all-zero target (a loss of 0). Default `true`.
   */
  checkLabels?: boolean;
  /**
   * A label value to skip, PyTorch's `ignore_index` (whose default is -100; here the default is
   * none, so every label counts and an out-of-range one is an error). Samples with this label get
   * a loss of 0 and a gradient of exactly 0, and `'mean'` divides by the samples left (or, with
   * `classWeight`, by their summed class weights): when every sample is ignored the mean is NaN,
   * as in PyTorch, and its gradient 0. Any integer, a class index included.
   */
  ignoreIndex?: number;
}

/**
 * Categorical cross-entropy with integer class labels instead of one-hot targets: Keras's
 * `SparseCategoricalCrossentropy`, and with `fromLogits: true` PyTorch's `cross_entropy` with class
 * indices (`label_smoothing` included, and `axis: 1` for its `(N, C, d1, ...)` layout).
 *
 * `yTrue` holds one label per sample, any numeric dtype: the shape of `yPred` without the class
 * axis, or with that axis of size 1 (Keras's `[batch, 1]` labels). A label that is not an integer
 * in [0, classes) is an error naming it and where it is. The result equals
 * {@link categoricalCrossentropy} on the one-hot labels, with the same options; from
 * probabilities, `yPred` is checked as there (`checkProbabilities`, a second small read).
 *
 * With `classWeight` (PyTorch's `weight=`), sample i's loss is multiplied by `w[y_i]` (with
 * `labelSmoothing`, each class's term by its own weight, as PyTorch does) and `'mean'` is PyTorch's
 * weighted mean `sum(w[y_i] l_i) / sum(w[y_i])`: NaN when those weights are all 0, as in PyTorch.
 * `ignoreIndex` skips samples (see {@link SparseCategoricalCrossentropyOptions}). The inputs are
 * not disposed; the caller owns and disposes the returned tensor.
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
  checkWeightsNotMixed(name, options);
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
    checkLabels(name, yTrue, classes, options.ignoreIndex);
  }
  // Before the one-hot ops: under tf.grad, an op recorded before a throw leaks what it saved.
  if (!options.fromLogits && (options.checkProbabilities ?? true)) tf.tidy(() => checkProbabilities(name, asFloat(yPred), classAxis));
  return tf.tidy(() => {
    const flat = tf.cast(tf.reshape(yTrue, [-1]), 'int32');
    // Not tf.oneHot, which refuses a single class; a label outside [0, classes) gets all zeros.
    const oneHot = tf.cast(tf.equal(tf.expandDims(flat, 1), tf.range(0, classes, 1, 'int32')), 'float32');
    const lastAxisOneHot = tf.reshape(oneHot, [...labelShape, classes]);
    // The one-hot rows put classes last; move them to the class axis.
    const last = labelShape.length;
    const perm = [...keptShape.keys()].map((j) => (j < classAxis ? j : j === classAxis ? last : j - 1));
    const target = classAxis === last ? lastAxisOneHot : tf.transpose(lastAxisOneHot, perm);
    const output = asFloat(yPred);
    const perSample = perSampleCrossentropy(name, target, output, { ...options, axis: classAxis, checkProbabilities: false });
    const { reduction = 'mean', sampleWeight, classWeight, ignoreIndex } = options;
    if (classWeight === undefined && ignoreIndex === undefined) return reduce(name, perSample, reduction, sampleWeight);
    // The weight of each sample's label (0 for a label outside [0, classes), which oneHot leaves
    // all zero), the denominator of PyTorch's weighted mean.
    const labelWeight =
      classWeight === undefined
        ? tf.onesLike(perSample)
        : tf.sum(tf.mul(target, classWeights(name, classWeight, classes, classAxis, output.rank)), classAxis);
    const kept = ignoreIndex === undefined ? undefined : tf.notEqual(tf.reshape(tf.cast(yTrue, 'float32'), perSample.shape), ignoreIndex);
    return weightedMean(name, perSample, labelWeight, kept, reduction, sampleWeight);
  });
}

/**
 * Reduces per-sample losses the way PyTorch's `nll_loss` does with `weight` and `ignore_index`:
 * ignored samples become 0 with a gradient of exactly 0, and `'mean'` divides by the summed label
 * weights of the samples kept. `sampleWeight` (never with `classWeight`) multiplies the kept
 * losses.
 */
function weightedMean(
  name: string,
  perSample: tf.Tensor,
  labelWeight: tf.Tensor,
  kept: tf.Tensor | undefined,
  reduction: Reduction,
  sampleWeight?: tf.Tensor,
): tf.Tensor {
  const weighted = sampleWeight === undefined ? perSample : reduce(name, perSample, 'none', sampleWeight);
  const losses = kept === undefined ? weighted : zeroWhereIgnored(weighted, kept);
  if (reduction !== 'mean') return reduce(name, losses, reduction);
  const total = kept === undefined ? tf.sum(labelWeight) : tf.sum(tf.where(kept, labelWeight, tf.zerosLike(labelWeight)));
  return tf.div(tf.sum(losses), total);
}

/**
 * `where(kept, x, 0)` whose gradient is `where(kept, dy, 0)`: tfjs's own gradient of `where` is
 * `dy * kept`, NaN where dy is infinite, as it is when every sample is ignored and the mean is
 * 0 / 0; PyTorch skips the ignored samples, a gradient of 0.
 */
function zeroWhereIgnored(x: tf.Tensor, kept: tf.Tensor): tf.Tensor {
  return tf.customGrad((input) => {
    const value = tf.where(kept, input as tf.Tensor, tf.zerosLike(input as tf.Tensor));
    return { value, gradFunc: (dy: tf.Tensor) => tf.where(kept, dy, tf.zerosLike(dy)) };
  })(x);
}

function checkLabels(name: string, labels: tf.Tensor, classes: number, ignoreIndex?: number): void {
  const values = labels.dataSync();
  for (let i = 0; i < values.length; i++) {
    const label = values[i] ?? Number.NaN;
    if (label === ignoreIndex) continue;
    if (!(Number.isInteger(label) && label >= 0 && label < classes)) {
      throw new Error(
        `${name}: label ${label} at flat index ${i} of yTrue is out of range; ` +
          `labels must be integers from 0 to ${classes - 1} for ${classes} classes` +
          (ignoreIndex === undefined ? '' : ` (or ignoreIndex ${ignoreIndex})`),
      );
    }
  }
}
