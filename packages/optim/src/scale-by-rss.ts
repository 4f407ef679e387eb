import * as tf from '@tensorflow/tfjs-core';
import { boolean } from '@lab/core';
import { checkOptionsOf, NON_NEGATIVE } from './check.js';
import { checkGrads, gradFor } from './params.js';
import type { GradientTransformation, Params } from './types.js';

/** State of {@link scaleByRss}: the running sum of squared gradients per parameter. */
export type ScaleByRssState = { sumOfSquares: Params };

/** Options of {@link scaleByRss}. */
export interface ScaleByRssOptions {
  /** The initial sum of squares, >= 0. Default 0.1 (Keras, optax); PyTorch uses 0. */
  initialAccumulatorValue?: number;
  /** Added for stability, >= 0. Default 1e-7 (Keras, optax); PyTorch uses 1e-10. */
  eps?: number;
  /** Add `eps` inside the square root (Keras, optax) rather than to it (PyTorch). Default `true`. */
  epsInSqrt?: boolean;
}

/**
 * Rescales gradients by the root of the sum of all squared gradients so far (Adagrad; optax's
 * `scale_by_rss`): `s = s + g^2`, update = `g / sqrt(s + eps)`, or `g / (sqrt(s) + eps)` with
 * `epsInSqrt: false` (PyTorch). Parameters without a gradient keep their sum. Follows the
 * {@link GradientTransformation} memory contract; 5 kernels per parameter, in one `tf.tidy`.
 */
export function scaleByRss(options: ScaleByRssOptions = {}): GradientTransformation<ScaleByRssState> {
  checkOptionsOf('scaleByRss', options, { initialAccumulatorValue: NON_NEGATIVE, eps: NON_NEGATIVE, epsInSqrt: boolean() });
  const { initialAccumulatorValue = 0.1, eps = 1e-7, epsInSqrt = true } = options;
  return {
    init: (params) => {
      const sumOfSquares: Params = {};
      for (const [name, p] of Object.entries(params)) {
        sumOfSquares[name] = tf.fill(p.shape, initialAccumulatorValue);
      }
      return { sumOfSquares };
    },
    update(grads, state) {
      checkGrads('scaleByRss', grads, state.sumOfSquares);
      return tf.tidy(() => {
        const epsilon = tf.scalar(eps);
        const updates: Params = {};
        const sumOfSquares: Params = {};
        for (const [name, previous] of Object.entries(state.sumOfSquares)) {
          const g = gradFor(grads, name);
          if (g === undefined) {
            sumOfSquares[name] = tf.clone(previous);
            continue;
          }
          const s = tf.add(previous, tf.square(g));
          sumOfSquares[name] = s;
          const denominator = epsInSqrt ? tf.sqrt(tf.add(s, epsilon)) : tf.add(tf.sqrt(s), epsilon);
          updates[name] = tf.div(g, denominator);
        }
        return { updates, state: { sumOfSquares } };
      });
    },
  };
}
