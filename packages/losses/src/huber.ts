import { any, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkInputs, resolveAxis } from './check-inputs.js';
import { LOSS_OPTIONS } from './option-constraints.js';
import { checkReduction, reduce } from './reduction.js';
import type { LossOptions } from './types.js';

/** Options of {@link huber}. */
export interface HuberOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear, in units of the targets; > 0. Default 1. */
  delta?: number;
}

/** The constraints of {@link HuberOptions}; `delta` is checked below (a finite number > 0). */
export const HUBER_OPTIONS = { ...LOSS_OPTIONS, delta: any() };

/**
 * Huber loss (Keras's `Huber`, PyTorch's `huber_loss`): per element, with d = yPred - yTrue,
 * `0.5 d^2` where `|d| <= delta` and `delta (|d| - 0.5 delta)` beyond; then the mean over `axis`
 * (the last by default) per sample, and `reduction`, weighted by `sampleWeight`.
 *
 * Written as `0.5 q^2 + delta (|d| - q)` with `q = min(|d|, delta)`, one expression whose
 * gradient is `d` inside and `delta sign(d)` outside, with no branch to select.
 * `yTrue` and `yPred` must have the same shape. The inputs are not disposed; the caller owns and
 * disposes the returned tensor.
 */
export function huber(yTrue: tf.Tensor, yPred: tf.Tensor, options: HuberOptions = {}): tf.Tensor {
  checkOptions('huber', options, HUBER_OPTIONS);
  const { reduction = 'mean', axis = -1, sampleWeight, delta = 1 } = options;
  checkReduction('huber', reduction);
  if (typeof delta !== 'number' || !Number.isFinite(delta) || delta <= 0) {
    throw new Error(`huber: delta must be a finite number > 0; got ${String(delta)}`);
  }
  return tf.tidy(() => {
    const [target, output] = checkInputs('huber', yTrue, yPred);
    const meanAxis = resolveAxis('huber', axis, output.rank);
    const absolute = tf.abs(tf.sub(output, target));
    const quadratic = tf.minimum(absolute, delta);
    const perElement = tf.add(tf.mul(tf.square(quadratic), 0.5), tf.mul(tf.sub(absolute, quadratic), delta));
    return reduce('huber', tf.mean(perElement, meanAxis), reduction, sampleWeight);
  });
}
