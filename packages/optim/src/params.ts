import * as tf from '@tensorflow/tfjs-core';
import type { Params } from './types.js';

/**
 * Multiplies every tensor of `params` by `factor`, in one `tf.tidy` with one shared scalar.
 * Returns new tensors owned by the caller; `params` is not disposed.
 */
export function scaleParams(params: Params, factor: number): Params {
  return tf.tidy(() => {
    const scalar = tf.scalar(factor);
    const scaled: Params = {};
    for (const [name, value] of Object.entries(params)) {
      scaled[name] = tf.mul(value, scalar);
    }
    return scaled;
  });
}

/** New zero tensors shaped like each of `params`, owned by the caller. */
export function zerosLikeParams(params: Params): Params {
  const zeros: Params = {};
  for (const [name, value] of Object.entries(params)) {
    zeros[name] = tf.zerosLike(value);
  }
  return zeros;
}

/**
 * Throws unless every gradient has state of its shape, naming the transformation, the gradient and
 * what `init` saw: a gradient for a parameter the optimizer never met is a wiring bug, and one of
 * another shape would silently broadcast into the state.
 */
export function checkGrads(owner: string, grads: Params, state: Params): void {
  for (const [name, grad] of Object.entries(grads)) {
    const known = Object.hasOwn(state, name) ? state[name] : undefined;
    if (known === undefined) {
      const names = Object.keys(state).join(', ') || 'none';
      throw new Error(
        `${owner}: got a gradient for "${name}", but init() saw only these parameters: ${names}`,
      );
    }
    if (!tf.util.arraysEqual(known.shape, grad.shape)) {
      throw new Error(
        `${owner}: the gradient for "${name}" has shape [${grad.shape.join(', ')}], ` +
          `but init() saw [${known.shape.join(', ')}]`,
      );
    }
  }
}

/**
 * The gradient for `name`, or `undefined` when this update has none (the parameter keeps its
 * state). `Object.hasOwn` so that names like `constructor` are never mistaken for gradients.
 */
export function gradFor(grads: Params, name: string): tf.Tensor | undefined {
  return Object.hasOwn(grads, name) ? grads[name] : undefined;
}
