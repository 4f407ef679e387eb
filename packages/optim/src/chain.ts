import * as tf from '@tensorflow/tfjs-core';
import type { GradientTransformation, Params } from './types.js';

/** The state of a chain: the tuple of its transformations' states, in order. */
export type ChainState<T extends readonly GradientTransformation[]> = {
  -readonly [K in keyof T]: T[K] extends GradientTransformation<infer S> ? S : never;
};

/**
 * Applies transformations one after another, each to the previous one's updates: optax's `chain`.
 * `chain(scaleByAdam(), scaleByLearningRate(0.001))` is Adam.
 *
 * Follows the {@link GradientTransformation} memory contract: the updates handed from one link to
 * the next are disposed inside `update`; the final updates and every link's new state are the
 * caller's. If a link throws, what the earlier links made is disposed before the error goes on.
 * An empty chain is the identity (it returns copies of the gradients).
 */
export function chain<const T extends readonly GradientTransformation[]>(
  ...transforms: T
): GradientTransformation<ChainState<T>> {
  return {
    init: (params) => transforms.map((t) => t.init(params)) as ChainState<T>,
    update(grads, state, params) {
      const states = state as readonly tf.TensorContainer[];
      const next: tf.TensorContainer[] = [];
      let updates: Params = grads;
      try {
        transforms.forEach((t, i) => {
          const result = t.update(updates, states[i], params);
          if (updates !== grads) {
            tf.dispose(updates);
          }
          updates = result.updates;
          next.push(result.state);
        });
      } catch (error) {
        tf.dispose([next, updates === grads ? [] : updates]);
        throw error;
      }
      if (updates === grads) {
        updates = tf.tidy(() => Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.clone(g)])));
      }
      return { updates, state: next as ChainState<T> };
    },
  };
}
