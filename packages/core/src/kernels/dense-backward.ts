import * as tf from '@tensorflow/tfjs-core';
import { kernelContract } from '../kernel-contract.js';

/**
 * Inputs of {@link denseBackward}: `x: [rows, in]`, `kernel: [in, out]`, `dy: [rows, out]` and,
 * for relu, `y: [rows, out]`, the layer's output.
 */
export type DenseBackwardInputs = { x: tf.TensorInfo; kernel: tf.TensorInfo; dy: tf.TensorInfo; y?: tf.TensorInfo };

/** Attributes of {@link denseBackward}. */
export interface DenseBackwardAttrs {
  activation: 'linear' | 'relu';
  /** Output `dBias`. */
  hasBias: boolean;
  /** Output `dx`. */
  inputGrad: boolean;
}

/**
 * `LabDenseBackward`: every gradient of `y = activation(x · kernel + bias)` in one call. With
 * `g = dy ⊙ activation'(y)` (for relu: `dy` where `y > 0`, NaN where `y` is NaN, else 0), outputs
 * `[dKernel, dBias?, dx?]` in that order: `dKernel = xᵀ g`, `dBias = Σ_rows g`, `dx = g kernelᵀ`.
 */
export const denseBackward = kernelContract<DenseBackwardInputs, DenseBackwardAttrs>({
  name: 'LabDenseBackward',
  outputs: ['dKernel', 'dBias?', 'dx?'],
  reference: ({ x, kernel, dy, y }, { activation, hasBias, inputGrad }) =>
    tf.tidy(() => {
      if (activation === 'relu' && y === undefined) throw new Error(`${denseBackward.name}: relu needs the layer output 'y'`);
      const g = activation === 'relu' ? tf.mul(dy, tf.step(y!)) : dy;
      const out = [tf.matMul(x, g, true, false)];
      if (hasBias) out.push(tf.sum(g, 0));
      if (inputGrad) out.push(tf.matMul(g, kernel, false, true));
      return out;
    }),
});
