import type * as tf from '@tensorflow/tfjs-core';
import type { ModelTarget } from './io/handler.js';
import type { ModelMetadata } from './io/metadata.js';
import type { Layer } from './layers/layer.js';

/**
 * What training, evaluation, summaries and saving need of a model: its layers and weights, a
 * forward pass, and the state `fit` keeps on it. `Sequential` implements it; functions take this
 * interface rather than the class, so that no file imports the class it is used by.
 */
export interface Model {
  readonly name: string;
  readonly layers: readonly Layer[];
  /** Shape of one input sample (no batch axis), once built. */
  readonly inputShape: number[] | undefined;
  /** Set to true (e.g. from a callback) to stop `fit` after the current batch. */
  stopTraining: boolean;
  /** The optimizer's state, kept across `fit` calls and saved in checkpoints; owned by the model. */
  optimizerState: tf.TensorContainer | undefined;
  /** Where training stands: the epoch and the number of its batches done. */
  position: { epoch: number; step: number };
  /** What was saved beside the model (labels, preprocessing). */
  metadata: ModelMetadata;
  /** The trainable weights keyed by `layerName/kernel`, `layerName/bias`. */
  namedWeights(): Record<string, tf.Variable>;
  /** Every weight, trainable or not (moving statistics too), in saved-model order. */
  savedWeights(): Record<string, tf.Variable>;
  /** Number of scalar weights. */
  countParams(): number;
  /** The layers on a batch (training mode, logits of the last layer on request); caller owns the result. */
  forward(x: tf.Tensor, training?: boolean, logits?: boolean, seed?: string): tf.Tensor;
  /** True when the loss is computed from the last layer's logits (softmax + cross-entropy). */
  usesLogits(): boolean;
  /**
   * The learning rate the next update will use (`learningRateOf` the compiled optimizer and its
   * state): what `fit` logs as `learning_rate`. `undefined` before the first `fit` (no state yet)
   * or for an optimizer without a learning rate.
   */
  getLearningRate(): number | undefined;
  /**
   * Sets the learning rate of every later update (Keras's `model.optimizer.learning_rate = rate`),
   * in the optimizer state, so checkpoints keep it (see @lab/optim's `setLearningRate`). Throws
   * before the first `fit` has made the state, or when the optimizer has no learning rate.
   */
  setLearningRate(rate: number): void;
  /** Saves the model (Layers format) to an IO handler or URL; see `Sequential.save`. */
  save(target: ModelTarget): Promise<tf.io.SaveResult>;
}
