import * as tf from '@tensorflow/tfjs-core';

/**
 * How per-sample losses become the returned tensor.
 *
 * - `'mean'` (the default everywhere): the mean over all per-sample losses, a scalar. This is
 *   Keras's `sum_over_batch_size` and PyTorch's `reduction='mean'` for unweighted losses.
 * - `'sum'`: their sum, a scalar.
 * - `'none'`: the per-sample losses themselves, shaped like the input without the reduced axis.
 */
export type Reduction = 'mean' | 'sum' | 'none';

/** The valid {@link Reduction} names, in the order error messages list them. */
export const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];

/**
 * Throws unless `reduction` is a {@link Reduction}. Configs and the CLI pass plain strings, so the
 * check happens at run time; the message names the loss and the valid values.
 */
export function checkReduction(lossName: string, reduction: string): asserts reduction is Reduction {
  if (!(REDUCTIONS as readonly string[]).includes(reduction)) {
    throw new Error(
      `${lossName}: unknown reduction "${reduction}"; valid reductions are ${REDUCTIONS.join(', ')}`,
    );
  }
}

/**
 * Weights and reduces per-sample losses. `'mean'` divides by the number of per-sample losses
 * whatever the weights (Keras). `'none'` may return `perSample` itself, so call this inside the
 * loss's `tf.tidy`, which keeps whichever tensor is returned and disposes the rest.
 */
export function reduce(
  lossName: string,
  perSample: tf.Tensor,
  reduction: Reduction,
  sampleWeight?: tf.Tensor,
): tf.Tensor {
  const weighted = sampleWeight === undefined ? perSample : tf.mul(perSample, weights(lossName, perSample, sampleWeight));
  switch (reduction) {
    case 'mean':
      return tf.mean(weighted);
    case 'sum':
      return tf.sum(weighted);
    case 'none':
      return weighted;
  }
}

function weights(lossName: string, perSample: tf.Tensor, sampleWeight: tf.Tensor): tf.Tensor {
  const w = sampleWeight.dtype === 'float32' ? sampleWeight : tf.cast(sampleWeight, 'float32');
  if (w.rank === 0 || tf.util.arraysEqual(w.shape, perSample.shape)) {
    return w;
  }
  if (tf.util.arraysEqual(w.shape, [...perSample.shape, 1])) {
    return tf.reshape(w, perSample.shape);
  }
  throw new Error(
    `${lossName}: sampleWeight shape [${w.shape.join(', ')}] does not fit the per-sample losses ` +
      `of shape [${perSample.shape.join(', ')}]; give that shape, that shape with a trailing 1, or a scalar`,
  );
}
