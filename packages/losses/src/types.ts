import type * as tf from '@tensorflow/tfjs-core';

/**
 * A loss as the training loop sees it: targets and predictions in, a scalar out. Neither input is
 * disposed; the returned tensor belongs to the caller. Every loss of this package, called with its
 * default options, is a `LossFn`.
 */
export type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
