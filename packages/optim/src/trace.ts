import * as tf from '@tensorflow/tfjs-core';
import { boolean } from '@lab/core';
import { checkOptionsOf, DECAY } from './check.js';
import { checkGrads, gradFor, zerosLikeParams } from './params.js';
import type { GradientTransformation, Params } from './types.js';

/** State of {@link trace}: the momentum buffer per parameter. */
export type TraceState = { trace: Params };

/** Options of {@link trace}, with optax's names. */
export interface TraceOptions {
  /** The momentum: how much of the previous trace is kept, in [0, 1). Default 0.9. */
  decay?: number;
  /** Nesterov's look-ahead: the update is `g + decay * trace` instead of `trace`. Default `false`. */
  nesterov?: boolean;
}

/**
 * Momentum (optax's `trace`): `trace = g + decay * trace`, and the update is `trace`, or with
 * Nesterov `g + decay * trace`. Chained before {@link scaleByLearningRate} this is exactly
 * `torch.optim.SGD(momentum, nesterov)` (dampening 0), and Keras's `SGD` with momentum for a
 * constant learning rate. Parameters without a gradient keep their trace. Follows the
 * {@link GradientTransformation} memory contract; about 2 kernels per parameter (4 with
 * Nesterov), in one `tf.tidy`.
 */
export function trace(options: TraceOptions = {}): GradientTransformation<TraceState> {
  checkOptionsOf('trace', options, { decay: DECAY, nesterov: boolean() });
  const { decay = 0.9, nesterov = false } = options;
  return {
    fusable: { kind: 'trace', decay, nesterov },
    init: (params) => ({ trace: zerosLikeParams(params) }),
    update(grads, state) {
      checkGrads('trace', grads, state.trace);
      return tf.tidy(() => {
        const momentum = tf.scalar(decay);
        const updates: Params = {};
        const next: Params = {};
        for (const [name, previous] of Object.entries(state.trace)) {
          const g = gradFor(grads, name);
          if (g === undefined) {
            next[name] = tf.clone(previous);
            continue;
          }
          const t = tf.add(g, tf.mul(previous, momentum));
          next[name] = t;
          // The update must be its own tensor: the caller disposes updates and state separately.
          updates[name] = nesterov ? tf.add(g, tf.mul(t, momentum)) : tf.clone(t);
        }
        return { updates, state: { trace: next } };
      });
    },
  };
}
