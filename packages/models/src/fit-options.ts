import { any, array, boolean, checkOptions, instance, integer, number, object } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import type { Callback } from './callbacks.js';

/** Options of `model.fit`; defaults are Keras'. */
export interface FitOptions {
  /** Passes over the training data (default 1). */
  epochs?: number;
  /** Samples per gradient step (default 32). */
  batchSize?: number;
  /** Reshuffle the training samples before every epoch (default true). */
  shuffle?: boolean;
  /** Seeds the shuffles; the same seed on the same backend gives the same run. */
  seed?: number;
  /** Hooks called during training. */
  callbacks?: Callback[];
  /** Fraction of the samples, taken from the end before shuffling (as Keras does), held out for validation. */
  validationSplit?: number;
  /** Explicit validation inputs and targets (takes precedence over `validationSplit`). */
  validationData?: [tf.Tensor, tf.Tensor];
  /** Epoch to start counting from, for resumed runs (default 0). The shuffles of earlier epochs are replayed, so a resumed run sees the same batches as an uninterrupted one. */
  initialEpoch?: number;
  /** Batches of `initialEpoch` already done (a run interrupted mid-epoch); they are skipped (default 0). */
  initialStep?: number;
}

const isTensor = (v: unknown) => v instanceof tf.Tensor;

// epochs, batchSize and validationSplit keep their own checks (messages that predate these).
const FIT_OPTIONS = {
  epochs: any(),
  batchSize: any(),
  shuffle: boolean(),
  seed: number(),
  callbacks: array(object()),
  validationSplit: any(),
  validationData: array(instance('a tf.Tensor', isTensor)),
  initialEpoch: integer({ min: 0 }),
  initialStep: integer({ min: 0 }),
};

/**
 * Checks {@link FitOptions} with @lab/core's `checkOptions`: an unknown option is an error with a
 * "did you mean" hint (`batch_size` → `batchSize`), and so is a value of the wrong kind, or
 * `validationData` other than `[x, y]`.
 */
export function checkFitOptions(options: FitOptions): void {
  checkOptions('fit', options, FIT_OPTIONS);
  const data = options?.validationData;
  if (data !== undefined && data.length !== 2) throw new Error(`fit: validationData must be [x, y], two tensors; got ${data.length}`);
}
