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
 * Reduces per-sample losses. `'none'` returns `perSample` itself, so call this inside the loss's
 * `tf.tidy`, which keeps whichever tensor is returned and disposes the rest.
 */
export function reduce(perSample: tf.Tensor, reduction: Reduction): tf.Tensor {
  switch (reduction) {
    case 'mean':
      return tf.mean(perSample);
    case 'sum':
      return tf.sum(perSample);
    case 'none':
      return perSample;
  }
}
