import * as tf from '@tensorflow/tfjs-core';
import { kernelContract } from '../kernel-contract.js';

/** Inputs of {@link adamUpdate}: the gradient, the moments and, optionally, the parameter; all of one size. */
export type AdamUpdateInputs = { grad: tf.TensorInfo; m: tf.TensorInfo; v: tf.TensorInfo; param?: tf.TensorInfo };

/** Attributes of {@link adamUpdate}. */
export interface AdamUpdateAttrs {
  beta1: number;
  beta2: number;
  epsilon: number;
  /** The update number t, >= 1. */
  count: number;
  /** Multiplies the update: `-learningRate` for a whole optimizer step, 1 for the direction. */
  scale: number;
  /** Decoupled weight decay (AdamW); needs `param`. Default 0. */
  weightDecay?: number;
  /** Lets a backend write the results over `param`, `m` and `v` when nothing else holds them. Default false. */
  inPlace?: boolean;
}

/**
 * `LabAdamUpdate`: Adam's (AdamW's) rule for one parameter. Outputs `[out, m', v']`:
 *
 * - `m' = β1·m + (1 − β1)·g`, `v' = β2·v + (1 − β2)·g²`
 * - `u = scale · (m'·c / (√v' + ε·√(1 − β2ᵗ)) + weightDecay · param)`, `c = √(1 − β2ᵗ) / (1 − β1ᵗ)`
 *   (the bias corrections folded into two numbers: exactly `m̂ / (√v̂ + ε)`)
 * - `out = param + u` when `param` is given, else `u`.
 *
 * The reference runs these ops in this order (optax's `scale_by_adam`, `add_decayed_weights`,
 * `scale_by_learning_rate`, `apply_updates`), so a backend kernel that does the same is exact to it.
 */
export const adamUpdate = kernelContract<AdamUpdateInputs, AdamUpdateAttrs>({
  name: 'LabAdamUpdate',
  outputs: ['out', 'm', 'v'],
  reference: ({ grad, m, v, param }, attrs) => {
    const { beta1, beta2, epsilon, count, scale, weightDecay = 0 } = attrs;
    checkAdamAttrs(attrs, param !== undefined);
    return tf.tidy(() => {
      const root = Math.sqrt(1 - beta2 ** count);
      const mNext = tf.add(tf.mul(m, tf.scalar(beta1)), tf.mul(grad, tf.scalar(1 - beta1)));
      const vNext = tf.add(tf.mul(v, tf.scalar(beta2)), tf.mul(tf.square(grad), tf.scalar(1 - beta2)));
      let u = tf.div(tf.mul(mNext, tf.scalar(root / (1 - beta1 ** count))), tf.add(tf.sqrt(vNext), tf.scalar(epsilon * root)));
      if (weightDecay !== 0) u = tf.add(u, tf.mul(param!, tf.scalar(weightDecay)));
      u = tf.mul(u, tf.scalar(scale));
      return [param ? tf.add(param, u) : u, mNext, vNext];
    });
  },
});

/** Throws, naming the kernel, when the attrs break {@link adamUpdate}'s contract. Backends call it too. */
export function checkAdamAttrs(attrs: AdamUpdateAttrs, hasParam: boolean): void {
  if (!(attrs.count >= 1)) throw new Error(`${adamUpdate.name}: count must be >= 1, got ${attrs.count}`);
  if ((attrs.weightDecay ?? 0) !== 0 && !hasParam) throw new Error(`${adamUpdate.name}: weightDecay needs the 'param' input`);
}
