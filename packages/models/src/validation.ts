import * as tf from '@tensorflow/tfjs-core';
import type { FitOptions } from './fit-options.js';

/** Training and validation tensors for `fit`; `dispose()` frees only what the split created. */
export interface SplitData {
  x: tf.Tensor;
  y: tf.Tensor;
  validation?: [tf.Tensor, tf.Tensor];
  dispose(): void;
}

/**
 * Checks that inputs and targets agree, and holds out validation data: `validationData` as given,
 * or the last `validationSplit` fraction of the samples before any shuffling (Keras' rule).
 */
export function splitValidation(x: tf.Tensor, y: tf.Tensor, options: FitOptions): SplitData {
  const n = x.shape[0] ?? 0;
  if (n !== y.shape[0]) {
    throw new Error(`fit: inputs [${x.shape.join(', ')}] and targets [${y.shape.join(', ')}] have different numbers of samples`);
  }
  if (n === 0) throw new Error('fit: no training samples');
  if (options.validationData) return { x, y, validation: options.validationData, dispose: () => {} };
  const fraction = options.validationSplit ?? 0;
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`fit: validationSplit must be in [0, 1), got ${fraction}`);
  if (fraction === 0) return { x, y, dispose: () => {} };
  const nTrain = Math.floor(n * (1 - fraction));
  if (nTrain === 0 || nTrain === n) throw new Error(`fit: validationSplit ${fraction} of ${n} samples leaves an empty split`);
  const parts = [tf.slice(x, 0, nTrain), tf.slice(y, 0, nTrain), tf.slice(x, nTrain), tf.slice(y, nTrain)] as const;
  return { x: parts[0], y: parts[1], validation: [parts[2], parts[3]], dispose: () => tf.dispose([...parts]) };
}
