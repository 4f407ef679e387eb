import { checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkInputs, checkSmoothing, resolveAxis } from './check-inputs.js';
import { EPSILON } from './epsilon.js';
import { CROSSENTROPY_OPTIONS } from './option-constraints.js';
import { checkProbabilities } from './probabilities.js';
import { checkReduction, reduce } from './reduction.js';
import type { LossOptions } from './types.js';

/** Options of {@link binaryCrossentropy}. */
export interface BinaryCrossentropyOptions extends LossOptions {
  /** `yPred` holds logits (before the sigmoid) instead of probabilities. Default `false`. */
  fromLogits?: boolean;
  /** Moves targets towards 0.5: `y (1 - s) + 0.5 s`, in [0, 1]. Default 0. */
  labelSmoothing?: number;
  /**
   * Without `fromLogits`, read back the minimum and maximum of `yPred` (one small reduction) to
   * check that it holds probabilities in [0, 1]; logits passed as probabilities are an error
   * suggesting `fromLogits: true` instead of a clipped, plausible, wrong loss. A synchronous read
   * per call; `false` skips it. Default `true`.
   */
  checkProbabilities?: boolean;
}

/**
 * Binary cross-entropy, `-(y log p + (1 - y) log(1 - p))` per element in nats, then the mean over
 * `axis` (the last by default) per sample, then `reduction`, weighted by `sampleWeight`: Keras's
 * `BinaryCrossentropy`.
 *
 * From probabilities (the default), p must lie in [0, 1] (checked by one small read, see
 * `checkProbabilities`; else an error suggesting `fromLogits: true`) and is clipped to
 * [1e-7, 1 - 1e-7] as Keras does, so a confident mistake costs at most -ln(1e-7) ≈ 16.118. With `fromLogits: true`, the loss is the stable
 * softplus form `max(x, 0) - x y + log(1 + exp(-|x|))`, equal to PyTorch's
 * `binary_cross_entropy_with_logits` and finite for any finite logit.
 *
 * `yTrue` (0/1 or soft targets, any numeric dtype) and `yPred` must have the same shape. Unknown
 * options are errors with a "did you mean" hint. The inputs are not disposed; the caller owns and
 * disposes the returned tensor; nothing leaks when it throws.
 */
export function binaryCrossentropy(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: BinaryCrossentropyOptions = {},
): tf.Tensor {
  checkOptions('binaryCrossentropy', options, CROSSENTROPY_OPTIONS);
  const { fromLogits = false, reduction = 'mean', axis = -1, sampleWeight, labelSmoothing = 0 } = options;
  checkReduction('binaryCrossentropy', reduction);
  checkSmoothing('binaryCrossentropy', labelSmoothing);
  return tf.tidy(() => {
    const [rawTarget, output] = checkInputs('binaryCrossentropy', yTrue, yPred);
    const meanAxis = resolveAxis('binaryCrossentropy', axis, output.rank);
    if (!fromLogits && (options.checkProbabilities ?? true)) checkProbabilities('binaryCrossentropy', output);
    const target =
      labelSmoothing === 0 ? rawTarget : tf.add(tf.mul(rawTarget, 1 - labelSmoothing), 0.5 * labelSmoothing);
    const perElement = fromLogits ? withLogits(target, output) : withProbabilities(target, output);
    return reduce('binaryCrossentropy', tf.mean(perElement, meanAxis), reduction, sampleWeight);
  });
}

function withLogits(target: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  // log(1 + exp(-|x|)) never overflows; relu(x) - x y restores the rest of softplus(x) - x y.
  const softplusTail = tf.log1p(tf.exp(tf.neg(tf.abs(logits))));
  return tf.add(tf.sub(tf.relu(logits), tf.mul(logits, target)), softplusTail);
}

function withProbabilities(target: tf.Tensor, probabilities: tf.Tensor): tf.Tensor {
  const p = tf.clipByValue(probabilities, EPSILON, 1 - EPSILON);
  const positive = tf.mul(target, tf.log(p));
  const negative = tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p)));
  return tf.neg(tf.add(positive, negative));
}
