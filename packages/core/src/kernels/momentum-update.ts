import * as tf from '@tensorflow/tfjs-core';
import { kernelContract } from '../kernel-contract.js';

/** Inputs of {@link momentumUpdate}. */
export type MomentumUpdateInputs = { grad: tf.TensorInfo; trace: tf.TensorInfo; param?: tf.TensorInfo };

/** Attributes of {@link momentumUpdate}. */
export interface MomentumUpdateAttrs {
  /** The momentum, in [0, 1). */
  decay: number;
  nesterov: boolean;
  /** Multiplies the update: `-learningRate` for a descent step. */
  scale: number;
  /** Lets a backend write the results over `param` and `trace`. Default false. */
  inPlace?: boolean;
}

/**
 * `LabMomentumUpdate`: optax's `trace` (PyTorch's momentum without dampening). Outputs
 * `[out, trace']` with `trace' = grad + decay · trace`,
 * `u = scale · (nesterov ? grad + decay · trace' : trace')`, `out = param + u` or `u`.
 */
export const momentumUpdate = kernelContract<MomentumUpdateInputs, MomentumUpdateAttrs>({
  name: 'LabMomentumUpdate',
  outputs: ['out', 'trace'],
  reference: ({ grad, trace, param }, { decay, nesterov, scale }) =>
    tf.tidy(() => {
      const momentum = tf.scalar(decay);
      const next = tf.add(grad, tf.mul(trace, momentum));
      const direction = nesterov ? tf.add(grad, tf.mul(next, momentum)) : next;
      const u = tf.mul(direction, tf.scalar(scale));
      return [param ? tf.add(param, u) : u, next];
    }),
});
