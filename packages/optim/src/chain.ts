import * as tf from '@tensorflow/tfjs-core';
import { fuse } from './fusion.js';
import type { GradientTransformation, Params } from './types.js';

/** The state of a chain: the tuple of its transformations' states, in order. */
export type ChainState<T extends readonly GradientTransformation[]> = {
  -readonly [K in keyof T]: T[K] extends GradientTransformation<infer S> ? S : never;
};

/**
 * Applies transformations one after another, each to the previous one's updates: optax's `chain`.
 * `chain(scaleByAdam(), scaleByLearningRate(0.001))` is Adam.
 *
 * The whole update runs in one `tf.tidy`: the updates handed from one link to the next are
 * disposed when it ends, and so is everything made so far if a link throws. The final updates
 * and every link's new state are the caller's ({@link GradientTransformation} memory contract).
 * An empty chain is the identity (it returns copies of the gradients). `hyperparams` merges the
 * links' reports, so `learningRateOf` sees the learning rate of any link, and `setHyperparams`
 * passes the values to every link that has it (so `setLearningRate` reaches the rate's link).
 *
 * Fusion happens here and only here: when the links are a pattern a lab kernel runs whole
 * (`scaleByAdam [+ addDecayedWeights] + scaleByLearningRate`, `trace + scaleByLearningRate`,
 * `scaleByRms + scaleByLearningRate`, `scaleByLearningRate` alone; see `fuse`), the chain gets a
 * `step` that `applyGradients` uses where the active backend registers that kernel.
 */
export function chain<const T extends readonly GradientTransformation[]>(
  ...transforms: T
): GradientTransformation<ChainState<T>> {
  const step = fuse(transforms);
  return {
    ...(step ? { step: step as NonNullable<GradientTransformation<ChainState<T>>['step']> } : {}),
    init: (params) => transforms.map((t) => t.init(params)) as ChainState<T>,
    update(grads, state, params) {
      const states = state as readonly tf.TensorContainer[];
      return tf.tidy(() => {
        const next: tf.TensorContainer[] = [];
        let updates: Params = grads;
        transforms.forEach((t, i) => {
          const result = t.update(updates, states[i], params);
          updates = result.updates;
          next.push(result.state);
        });
        if (updates === grads) {
          updates = Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.clone(g)]));
        }
        return { updates, state: next as ChainState<T> };
      });
    },
    hyperparams(state) {
      const states = state as readonly tf.TensorContainer[];
      return Object.assign({}, ...transforms.map((t, i) => t.hyperparams?.(states[i]) ?? {}));
    },
    setHyperparams(state, values) {
      const states = state as readonly tf.TensorContainer[];
      return transforms.map((t, i) => t.setHyperparams?.(states[i], values) ?? states[i]) as ChainState<T>;
    },
  };
}
