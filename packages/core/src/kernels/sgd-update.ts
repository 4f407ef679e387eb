import * as tf from '@tensorflow/tfjs-core';
import { kernelContract } from '../kernel-contract.js';

/** Inputs of {@link sgdUpdate}. */
export type SgdUpdateInputs = { grad: tf.TensorInfo; param?: tf.TensorInfo };

/** Attributes of {@link sgdUpdate}. */
export interface SgdUpdateAttrs {
  /** Multiplies the gradient: `-learningRate` for a descent step. */
  scale: number;
  /** Lets a backend write the result over `param`. Default false. */
  inPlace?: boolean;
}

/** `LabSgdUpdate`: plain gradient descent. Output `[out]`: `param + scale · grad`, or `scale · grad` without `param`. */
export const sgdUpdate = kernelContract<SgdUpdateInputs, SgdUpdateAttrs>({
  name: 'LabSgdUpdate',
  outputs: ['out'],
  reference: ({ grad, param }, { scale }) =>
    tf.tidy(() => {
      const u = tf.mul(grad, tf.scalar(scale));
      return [param ? tf.add(param, u) : u];
    }),
});
