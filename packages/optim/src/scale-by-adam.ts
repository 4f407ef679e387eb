import * as tf from '@tensorflow/tfjs-core';
import { checkOptionsOf, DECAY, NON_NEGATIVE } from './check.js';
import { checkGrads, zerosLikeParams } from './params.js';
import type { GradientTransformation, Params } from './types.js';

/** State of {@link scaleByAdam}: the update count and the first and second moments per parameter. */
export type ScaleByAdamState = { count: number; mu: Params; nu: Params };

/** Options of {@link scaleByAdam}, with optax's names. */
export interface ScaleByAdamOptions {
  /** Decay of the first moment (mean of gradients), in [0, 1). Default 0.9. */
  b1?: number;
  /** Decay of the second moment (mean of squared gradients), in [0, 1). Default 0.999. */
  b2?: number;
  /**
   * Added to sqrt(v_hat) in the denominator, >= 0. Default 1e-7 (Keras); optax and PyTorch use
   * 1e-8. With 0, a parameter whose gradients have all been 0 gets NaN updates (0 / 0).
   */
  eps?: number;
}

/**
 * Rescales gradients by Adam's rule (optax's `scale_by_adam`, PyTorch's `Adam`). At update t:
 * m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, update = m_hat / (sqrt(v_hat) + eps) with
 * m_hat = m / (1 - b1^t) and v_hat = v / (1 - b2^t). The update is a unit-free step direction;
 * chain with {@link scaleByLearningRate}, as {@link adam} does.
 *
 * Keras differs slightly: its epsilon is added to sqrt(v) before bias correction ("epsilon hat").
 *
 * Parameters without a gradient in an update keep their moments (the count still advances); a
 * gradient for a parameter `init` did not see, or of another shape, is an error. Follows the
 * {@link GradientTransformation} memory contract: `init` returns new zero moments, `update` new
 * updates and moments.
 */
export function scaleByAdam(
  options: ScaleByAdamOptions = {},
): GradientTransformation<ScaleByAdamState> {
  checkOptionsOf('scaleByAdam', options, { b1: DECAY, b2: DECAY, eps: NON_NEGATIVE });
  const { b1 = 0.9, b2 = 0.999, eps = 1e-7 } = options;
  return {
    fusable: { kind: 'scaleByAdam', b1, b2, eps },
    init: (params) => ({ count: 0, mu: zerosLikeParams(params), nu: zerosLikeParams(params) }),
    update(grads, state) {
      checkGrads('scaleByAdam', grads, state.mu);
      const count = state.count + 1;
      // The bias corrections are folded into two JS numbers, an exact rewrite of the rule above:
      // m_hat / (sqrt(v_hat) + eps) = m * c / (sqrt(v) + eps * sqrt(1 - b2^t)),
      // c = sqrt(1 - b2^t) / (1 - b1^t). That is 11 kernels per parameter, in one tidy.
      const root = Math.sqrt(1 - b2 ** count);
      return tf.tidy(() => {
        // One scalar tensor per constant, shared by every parameter.
        const [decay1, keep1, decay2, keep2, stepScale, epsHat] = [b1, 1 - b1, b2, 1 - b2, root / (1 - b1 ** count), eps * root].map((c) =>
          tf.scalar(c),
        );
        const updates: Params = {};
        const mu: Params = {};
        const nu: Params = {};
        for (const [name, previousMu] of Object.entries(state.mu)) {
          const previousNu = state.nu[name] as tf.Tensor;
          const g = Object.hasOwn(grads, name) ? grads[name] : undefined;
          if (g === undefined) {
            [mu[name], nu[name]] = [tf.clone(previousMu), tf.clone(previousNu)];
            continue;
          }
          const m = tf.add(tf.mul(previousMu, decay1!), tf.mul(g, keep1!));
          const v = tf.add(tf.mul(previousNu, decay2!), tf.mul(tf.square(g), keep2!));
          [mu[name], nu[name]] = [m, v];
          updates[name] = tf.div(tf.mul(m, stepScale!), tf.add(tf.sqrt(v), epsHat!));
        }
        return { updates, state: { count, mu, nu } };
      });
    },
  };
}
