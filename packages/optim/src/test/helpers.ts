// Small helpers shared by this package's tests: reading tensors, leak checks, a training loop.
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';
import { applyUpdates } from '../apply-updates.js';
import type { GradientTransformation, Params } from '../types.js';

/** The values of every tensor in `params`, by name, as plain arrays; disposes nothing. */
export function read(params: Params): Record<string, number[]> {
  return Object.fromEntries(Object.entries(params).map(([name, t]) => [name, Array.from(t.dataSync())]));
}

/**
 * Runs `fn`, disposes whatever tensors it returns, and asserts the live tensor count is back
 * where it started: `fn` disposed all its intermediates.
 */
export function expectNoLeak(fn: () => tf.TensorContainer): void {
  const before = tf.memory().numTensors;
  tf.dispose(fn());
  expect(tf.memory().numTensors).toBe(before);
}

/** Asserts two arrays agree elementwise within `abs + rel * |expected|`. */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, abs = 1e-6, rel = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] ?? Number.NaN;
    const got = actual[i] ?? Number.NaN;
    if (!(Math.abs(got - want) <= abs + rel * Math.abs(want))) {
      expect.fail(`element ${i}: got ${got}, expected ${want} (abs ${abs}, rel ${rel})`);
    }
  }
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
