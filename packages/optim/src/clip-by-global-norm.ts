import * as tf from '@tensorflow/tfjs-core';
import { checkNumber } from './check.js';
import type { EmptyState, GradientTransformation, Params } from './types.js';

/**
 * Rescales all updates together so that their global L2 norm, `sqrt(sum of every squared
 * element)`, is at most `maxNorm`: optax's `clip_by_global_norm`. Updates with a smaller norm pass
 * unchanged; larger ones are multiplied by `maxNorm / norm`, keeping their direction. The norm
 * stays on the device (no read-back). PyTorch's `clip_grad_norm_` divides by `norm + 1e-6`
 * instead, a relative difference of about 1e-6 / norm. Stateless; follows the
 * {@link GradientTransformation} memory contract.
 */
export function clipByGlobalNorm(maxNorm: number): GradientTransformation<EmptyState> {
  checkNumber('clipByGlobalNorm', 'maxNorm', maxNorm, { min: 0, minExclusive: true });
  return {
    init: () => ({}),
    update: (grads, state) =>
      tf.tidy(() => {
        const entries = Object.entries(grads);
        const squares = entries.map(([, g]) => tf.sum(tf.square(g)));
        const norm = tf.sqrt(squares.length === 0 ? tf.scalar(0) : tf.addN(squares));
        // A zero norm gives maxNorm / 0 = Infinity, and the minimum keeps the factor at 1.
        const factor = tf.minimum(tf.div(maxNorm, norm), 1);
        const updates: Params = {};
        for (const [name, g] of entries) {
          updates[name] = tf.mul(g, factor);
        }
        return { updates, state };
      }),
  };
}
