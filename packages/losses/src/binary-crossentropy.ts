import { checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkInputs, checkSmoothing, resolveAxis } from './check-inputs.js';
import { EPSILON } from './epsilon.js';
import { BINARY_OPTIONS } from './option-constraints.js';
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
  /**
   * With `fromLogits: true` only: the weight of the positive term, PyTorch's
   * `BCEWithLogitsLoss(pos_weight=)`, `-(w y log p + (1 - y) log(1 - p))`; a scalar or one weight
   * per position of the last axis (shape `[yPred.shape[-1]]`, e.g. one per label of a multi-label
   * output), not disposed. Default none (weight 1).
   */
  posWeight?: tf.Tensor;
  /**
   * How probabilities of exactly 0 or 1 are kept from an infinite loss (without `fromLogits`):
   *
   * - `'keras'` (the default): clip p to [1e-7, 1 - 1e-7] ({@link EPSILON}), Keras's
   *   `binary_crossentropy`; a confident mistake costs at most -ln(1e-7) ≈ 16.118, and the gradient
   *   is 0 where p is clipped.
   * - `'torch'`: PyTorch's `BCELoss`: `log p` and `log(1 - p)` are clamped at -100, so a confident
   *   mistake costs 100, and the gradient is PyTorch's `(p - y) / max(p (1 - p), 1e-12)`, up to
   *   -1e12 at p = 0, y = 1.
   */
  probabilityClipping?: ProbabilityClipping;
}

/** The ways {@link binaryCrossentropy} keeps `log(0)` finite: Keras's clip or PyTorch's clamp. */
export type ProbabilityClipping = 'keras' | 'torch';

// PyTorch's BCELoss: the floor of its logs and the floor of p (1 - p) in its gradient.
const TORCH_LOG_FLOOR = -100;
const TORCH_GRAD_EPSILON = 1e-12;

/**
 * Binary cross-entropy, `-(y log p + (1 - y) log(1 - p))` per element in nats, then the mean over
 * `axis` (the last by default) per sample, then `reduction`, weighted by `sampleWeight`: Keras's
 * `BinaryCrossentropy`.
 *
 * From probabilities (the default), p must lie in [0, 1] (checked by one small read, see
 * `checkProbabilities`; else an error suggesting `fromLogits: true`) and is clipped to
 * [1e-7, 1 - 1e-7] as Keras does, so a confident mistake costs at most -ln(1e-7) ≈ 16.118. With `fromLogits: true`, the loss is the stable
 * softplus form `max(x, 0) - x y + log(1 + exp(-|x|))`, equal to PyTorch's
 * `binary_cross_entropy_with_logits` and finite for any finite logit; `posWeight` weights the
 * positive term as PyTorch's `pos_weight` does. `probabilityClipping: 'torch'` replaces Keras's
 * clip with PyTorch's `BCELoss` clamp (logs floored at -100, PyTorch's gradient).
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
  checkOptions('binaryCrossentropy', options, BINARY_OPTIONS);
  const { fromLogits = false, reduction = 'mean', axis = -1, sampleWeight, labelSmoothing = 0, posWeight } = options;
  checkReduction('binaryCrossentropy', reduction);
  checkSmoothing('binaryCrossentropy', labelSmoothing);
  if (posWeight !== undefined && !fromLogits) {
    throw new Error('binaryCrossentropy: posWeight needs fromLogits: true (PyTorch has it only in BCEWithLogitsLoss)');
  }
  if (options.probabilityClipping !== undefined && fromLogits) {
    throw new Error('binaryCrossentropy: probabilityClipping applies to probabilities; logits need no clipping, drop it or fromLogits');
  }
  return tf.tidy(() => {
    const [rawTarget, output] = checkInputs('binaryCrossentropy', yTrue, yPred);
    const meanAxis = resolveAxis('binaryCrossentropy', axis, output.rank);
    if (!fromLogits && (options.checkProbabilities ?? true)) checkProbabilities('binaryCrossentropy', output);
    const target =
      labelSmoothing === 0 ? rawTarget : tf.add(tf.mul(rawTarget, 1 - labelSmoothing), 0.5 * labelSmoothing);
    const perElement = fromLogits
      ? withLogits(target, output, posWeight && checkPosWeight(posWeight, output))
      : options.probabilityClipping === 'torch'
        ? torchClamped(target, output)
        : withProbabilities(target, output);
    return reduce('binaryCrossentropy', tf.mean(perElement, meanAxis), reduction, sampleWeight);
  });
}

function withLogits(target: tf.Tensor, logits: tf.Tensor, posWeight?: tf.Tensor): tf.Tensor {
  // log(1 + exp(-|x|)) never overflows; relu(x) - x y restores the rest of softplus(x) - x y.
  const softplusTail = tf.log1p(tf.exp(tf.neg(tf.abs(logits))));
  if (posWeight === undefined) return tf.add(tf.sub(tf.relu(logits), tf.mul(logits, target)), softplusTail);
  // PyTorch's form, (1 - y) x + (1 + (w - 1) y) softplus(-x), with softplus(-x) written as
  // softplus(x) - x so that tfjs's gradients of relu and abs at x = 0 add up to -sigmoid(0).
  const logWeight = tf.add(tf.mul(tf.sub(posWeight, 1), target), 1);
  const softplusOfMinus = tf.sub(tf.add(tf.relu(logits), softplusTail), logits);
  return tf.add(tf.mul(tf.sub(1, target), logits), tf.mul(logWeight, softplusOfMinus));
}

function checkPosWeight(posWeight: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  const last = logits.shape[logits.rank - 1];
  if (posWeight.rank !== 0 && !(posWeight.rank === 1 && posWeight.shape[0] === last)) {
    throw new Error(
      `binaryCrossentropy: posWeight shape [${posWeight.shape.join(', ')}] does not fit yPred shape ` +
        `[${logits.shape.join(', ')}]; give a scalar or shape [${last}] (one weight per position of the last axis)`,
    );
  }
  return posWeight.dtype === 'float32' ? posWeight : tf.cast(posWeight, 'float32');
}

/**
 * PyTorch's `BCELoss` per element, with its own gradient: autodiff through the clamp would give
 * 0 / 0 at p of exactly 0 or 1, where PyTorch's `binary_cross_entropy_backward` gives
 * `(p - y) / max(p (1 - p), 1e-12)`.
 */
function torchClamped(target: tf.Tensor, probabilities: tf.Tensor): tf.Tensor {
  const loss = tf.customGrad((y, p, save) => {
    const [t, x] = [y as tf.Tensor, p as tf.Tensor];
    (save as tf.GradSaveFunc)([t, x]);
    const logP = tf.maximum(tf.log(x), TORCH_LOG_FLOOR);
    const log1mP = tf.maximum(tf.log(tf.sub(1, x)), TORCH_LOG_FLOOR);
    return {
      value: tf.neg(tf.add(tf.mul(t, logP), tf.mul(tf.sub(1, t), log1mP))),
      gradFunc: (dy: tf.Tensor, [ts, xs]: tf.Tensor[]) => {
        const [tt, xx] = [ts!, xs!];
        const logs = tf.sub(tf.maximum(tf.log(tf.sub(1, xx)), TORCH_LOG_FLOOR), tf.maximum(tf.log(xx), TORCH_LOG_FLOOR));
        const slope = tf.div(tf.sub(xx, tt), tf.maximum(tf.mul(xx, tf.sub(1, xx)), TORCH_GRAD_EPSILON));
        return [tf.mul(dy, logs), tf.mul(dy, slope)];
      },
    };
  });
  return loss(target, probabilities);
}

function withProbabilities(target: tf.Tensor, probabilities: tf.Tensor): tf.Tensor {
  const p = tf.clipByValue(probabilities, EPSILON, 1 - EPSILON);
  const positive = tf.mul(target, tf.log(p));
  const negative = tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p)));
  return tf.neg(tf.add(positive, negative));
}
