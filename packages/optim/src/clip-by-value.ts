import * as tf from '@tensorflow/tfjs-core';
import { checkNumber } from './check.js';
import type { EmptyState, GradientTransformation, Params } from './types.js';

/**
 * Clips every element of the updates to [-maxDelta, maxDelta]: optax's `clip`, Keras's
 * `clipvalue`, PyTorch's `clip_grad_value_`. Stateless; follows the {@link GradientTransformation}
 * memory contract.
 */
export function clipByValue(maxDelta: number): GradientTransformation<EmptyState> {
  checkNumber('clipByValue', 'maxDelta', maxDelta, { min: 0 });
  return {
    init: () => ({}),
    update: (grads, state) =>
      tf.tidy(() => {
        const updates: Params = {};
        for (const [name, g] of Object.entries(grads)) {
          updates[name] = tf.clipByValue(g, -maxDelta, maxDelta);
        }
        return { updates, state };
      }),
  };
}
