import * as tf from '@tensorflow/tfjs-core';
import { kernelContract } from '../kernel-contract.js';

/** Inputs of {@link rmspropUpdate}: `mu` makes it centered. */
export type RmspropUpdateInputs = { grad: tf.TensorInfo; nu: tf.TensorInfo; mu?: tf.TensorInfo; param?: tf.TensorInfo };

/** Attributes of {@link rmspropUpdate}. */
export interface RmspropUpdateAttrs {
  /** Decay of the running means, in [0, 1). */
  decay: number;
  epsilon: number;
  /** Add epsilon inside the square root (Keras) rather than to it (PyTorch). */
  epsInSqrt: boolean;
  /** Multiplies the update: `-learningRate` for a descent step. */
  scale: number;
  /** Lets a backend write the results over `param`, `nu` and `mu`. Default false. */
  inPlace?: boolean;
}

/**
 * `LabRmspropUpdate`: optax's `scale_by_rms` (centered with `mu`). Outputs `[out, nu', mu'?]` with
 * `nu' = decay · nu + (1 − decay) · g²`, `mu' = decay · mu + (1 − decay) · g`,
 * `var = nu' − mu'²` (centered) or `nu'`, `u = scale · g / (epsInSqrt ? √(var + ε) : √var + ε)`,
 * `out = param + u` or `u`.
 */
export const rmspropUpdate = kernelContract<RmspropUpdateInputs, RmspropUpdateAttrs>({
  name: 'LabRmspropUpdate',
  outputs: ['out', 'nu', 'mu?'],
  reference: ({ grad, nu, mu, param }, { decay, epsilon, epsInSqrt, scale }) =>
    tf.tidy(() => {
      const [keep, mix, eps] = [tf.scalar(decay), tf.scalar(1 - decay), tf.scalar(epsilon)];
      const average = (previous: tf.Tensor, x: tf.Tensor) => tf.add(tf.mul(previous, keep), tf.mul(x, mix));
      const nuNext = average(nu, tf.square(grad));
      const muNext = mu ? average(mu, grad) : undefined;
      const variance = muNext ? tf.sub(nuNext, tf.square(muNext)) : nuNext;
      const denominator = epsInSqrt ? tf.sqrt(tf.add(variance, eps)) : tf.add(tf.sqrt(variance), eps);
      const u = tf.mul(tf.div(grad, denominator), tf.scalar(scale));
      return [param ? tf.add(param, u) : u, nuNext, ...(muNext ? [muNext] : [])];
    }),
});
