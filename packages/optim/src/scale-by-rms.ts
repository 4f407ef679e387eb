import * as tf from '@tensorflow/tfjs-core';
import { boolean } from '@lab/core';
import { checkOptionsOf, DECAY, NON_NEGATIVE } from './check.js';
import { checkGrads, gradFor } from './params.js';
import type { GradientTransformation, Params } from './types.js';

/** State of {@link scaleByRms}: the mean of squared gradients, and with `centered` of gradients. */
export type ScaleByRmsState = { nu: Params; mu: Params };

/** Options of {@link scaleByRms}, with optax's names. */
export interface ScaleByRmsOptions {
  /** Decay of the running means, in [0, 1) (Keras's `rho`, PyTorch's `alpha`). Default 0.9. */
  decay?: number;
  /** Added for stability, >= 0. Default 1e-7 (Keras); PyTorch uses 1e-8. */
  eps?: number;
  /** Add `eps` inside the square root (Keras, optax) rather than to it (PyTorch). Default `true`. */
  epsInSqrt?: boolean;
  /** Divide by the standard deviation, `nu - mu^2`, instead of the raw second moment. Default `false`. */
  centered?: boolean;
  /** The initial value of `nu`, >= 0. Default 0 (Keras, PyTorch). */
  initialScale?: number;
}

/**
 * Rescales gradients by the root of a running mean of their squares (RMSProp; optax's
 * `scale_by_rms` and, with `centered`, `scale_by_stddev`): `nu = decay nu + (1 - decay) g^2`,
 * update = `g / sqrt(nu + eps)` or, with `epsInSqrt: false`, `g / (sqrt(nu) + eps)` (PyTorch).
 * With `centered`, `mu = decay mu + (1 - decay) g` and `nu - mu^2` replaces `nu`. Parameters
 * without a gradient keep their state. Follows the {@link GradientTransformation} memory
 * contract; 6 kernels per parameter (10 centered), in one `tf.tidy`.
 */
export function scaleByRms(options: ScaleByRmsOptions = {}): GradientTransformation<ScaleByRmsState> {
  checkOptionsOf('scaleByRms', options, { decay: DECAY, eps: NON_NEGATIVE, epsInSqrt: boolean(), centered: boolean(), initialScale: NON_NEGATIVE });
  const { decay = 0.9, eps = 1e-7, epsInSqrt = true, centered = false, initialScale = 0 } = options;
  return {
    fusable: { kind: 'scaleByRms', decay, eps, epsInSqrt },
    init: (params) => {
      const nu: Params = {};
      const mu: Params = {};
      for (const [name, p] of Object.entries(params)) {
        nu[name] = tf.fill(p.shape, initialScale);
        if (centered) {
          mu[name] = tf.zerosLike(p);
        }
      }
      return { nu, mu };
    },
    update(grads, state) {
      checkGrads('scaleByRms', grads, state.nu);
      return tf.tidy(() => {
        const [keep, mix, epsilon] = [tf.scalar(decay), tf.scalar(1 - decay), tf.scalar(eps)];
        const average = (previous: tf.Tensor, x: tf.Tensor): tf.Tensor => tf.add(tf.mul(previous, keep), tf.mul(x, mix));
        const updates: Params = {};
        const nu: Params = {};
        const mu: Params = {};
        for (const [name, previousNu] of Object.entries(state.nu)) {
          const previousMu = state.mu[name];
          const g = gradFor(grads, name);
          if (g === undefined) {
            nu[name] = tf.clone(previousNu);
            if (previousMu !== undefined) mu[name] = tf.clone(previousMu);
            continue;
          }
          let variance = average(previousNu, tf.square(g));
          nu[name] = variance;
          if (previousMu !== undefined) {
            const m = average(previousMu, g);
            mu[name] = m;
            variance = tf.sub(variance, tf.square(m));
          }
          const denominator = epsInSqrt ? tf.sqrt(tf.add(variance, epsilon)) : tf.add(tf.sqrt(variance), epsilon);
          updates[name] = tf.div(g, denominator);
        }
        return { updates, state: { nu, mu } };
      });
    },
  };
}
