import type * as tf from '@tensorflow/tfjs-core';
import type { Reduction } from './reduction.js';

/**
 * A loss as the training loop sees it: targets and predictions in, a scalar out. Neither input is
 * disposed; the returned tensor belongs to the caller. Every loss of this package, called with its
 * default options, is a `LossFn`.
 */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** Options every loss takes. */
export interface LossOptions {
  /** How per-sample losses are combined. Default `'mean'`. */
  reduction?: Reduction;
  /**
   * Weights multiplying the per-sample losses, Keras's `sample_weight`: a tensor shaped like the
   * per-sample losses (the input shape without `axis`), that shape with a trailing 1, or a scalar.
   * With `'mean'` the weighted losses are divided by their count, not by the sum of the weights
   * (Keras's `sum_over_batch_size`). Not disposed. Default none (every weight 1).
   */
  sampleWeight?: tf.Tensor;
  /** The axis reduced within a sample (the class axis for cross-entropies); negative counts from the end. Default `-1`. */
  axis?: number;
}
