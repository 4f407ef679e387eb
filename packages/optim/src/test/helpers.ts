// Small helpers shared by this package's tests: reading tensors, a training loop. Closeness and
// leak checks are @lab/testing's.
import * as tf from '@tensorflow/tfjs-core';
import { applyUpdates } from '../apply-updates.js';
import type { GradientTransformation, Params } from '../types.js';

/** The values of every tensor in `params`, by name, as plain arrays; disposes nothing. */
export function read(params: Params): Record<string, number[]> {
  return Object.fromEntries(Object.entries(params).map(([name, t]) => [name, Array.from(t.dataSync())]));
}

/**
 * The training loop of the GradientTransformation docs: `steps` updates of `variables` by `tx`
 * on the gradient of `loss` (tf.variableGrads), disposing as the memory contract says. Returns
 * the final state, which the caller disposes.
 */
export function train<S extends tf.TensorContainer>(
  tx: GradientTransformation<S>,
  variables: Record<string, tf.Variable>,
  loss: () => tf.Scalar,
  steps: number,
): S {
  // tf.variableGrads keys gradients by the variables' tfjs names; ours are the record's keys.
  const keyOf = new Map(Object.entries(variables).map(([key, v]) => [v.name, key]));
  let state = tx.init(variables);
  for (let i = 0; i < steps; i++) {
    const { value, grads: byTfName } = tf.variableGrads(loss, Object.values(variables));
    const grads = Object.fromEntries(Object.entries(byTfName).map(([name, g]) => [keyOf.get(name) ?? name, g]));
    const r = tx.update(grads, state, variables);
    applyUpdates(variables, r.updates);
    tf.dispose([value, grads, r.updates, state]);
    state = r.state;
  }
  return state;
}
