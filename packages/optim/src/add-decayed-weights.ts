import * as tf from '@tensorflow/tfjs-core';
import { checkOptionsOf, NON_NEGATIVE } from './check.js';
import type { EmptyState, GradientTransformation, Params } from './types.js';

/** Options of {@link addDecayedWeights}. */
export interface AddDecayedWeightsOptions {
  /** The factor of the parameters added to the updates, >= 0. Default 1e-4 (optax). */
  weightDecay?: number;
}

/**
 * Adds `weightDecay * params` to the updates (optax's `add_decayed_weights`). Chained between
 * `scaleByAdam` and `scaleByLearningRate` it gives AdamW's decoupled weight decay, `p -= lr *
 * weightDecay * p`; chained first it is L2 regularisation (PyTorch's SGD `weight_decay`).
 * Stateless. `update` needs `params` (the current values, for example the variables), and every
 * gradient needs a parameter of its name and shape; otherwise it is an error naming the
 * parameter. Follows the {@link GradientTransformation} memory contract.
 */
export function addDecayedWeights(options: AddDecayedWeightsOptions = {}): GradientTransformation<EmptyState> {
  checkOptionsOf('addDecayedWeights', options, { weightDecay: NON_NEGATIVE });
  const { weightDecay = 1e-4 } = options;
  return {
    fusable: { kind: 'addDecayedWeights', weightDecay },
    init: () => ({}),
    update(grads, state, params) {
      if (params === undefined) {
        throw new Error('addDecayedWeights: update() needs params, the current parameter values');
      }
      for (const [name, g] of Object.entries(grads)) {
        const p = Object.hasOwn(params, name) ? params[name] : undefined;
        if (p === undefined || !tf.util.arraysEqual(p.shape, g.shape)) {
          const got = p === undefined ? 'no parameter of that name' : `a parameter of shape [${p.shape.join(', ')}]`;
          throw new Error(
            `addDecayedWeights: the update for "${name}" has shape [${g.shape.join(', ')}] but params has ${got}`,
          );
        }
      }
      return tf.tidy(() => {
        const decay = tf.scalar(weightDecay);
        const updates: Params = {};
        for (const [name, g] of Object.entries(grads)) {
          updates[name] = tf.add(g, tf.mul(params[name] as tf.Tensor, decay));
        }
        return { updates, state };
      });
    },
  };
}
