import * as tf from '@tensorflow/tfjs-core';
import { applyUpdates } from './apply-updates.js';
import { disposeReplaced } from './dispose-replaced.js';
import type { GradientTransformation, Params } from './types.js';

/**
 * One optimizer step: turns `grads` into updates, adds them to `variables` and returns the next
 * state, disposing the tensors of `state` it replaced (never `grads`). Where the transformation has
 * a fused `step` for the active backend (SGD, momentum, Adam, AdamW and RMSProp without momentum on
 * @lab/backend-native's 'native')
 * that runs instead, in one kernel per variable; otherwise it is
 *
 * ```ts
 * const r = tx.update(grads, state, variables);
 * applyUpdates(variables, r.updates);
 * tf.dispose(r.updates); // and the replaced state
 * ```
 *
 * Both give the same numbers (to float32 rounding). The training loop of @lab/models uses it.
 */
export function applyGradients<S extends tf.TensorContainer>(
  tx: GradientTransformation<S>,
  grads: Params,
  state: S,
  variables: Record<string, tf.Variable>,
): S {
  const fused = tx.step?.(grads, state, variables);
  if (fused !== undefined) return fused;
  const result = tx.update(grads, state, variables);
  try {
    applyUpdates(variables, result.updates);
  } catch (error) {
    tf.dispose(result.state);
    throw error;
  } finally {
    tf.dispose(result.updates);
  }
  disposeReplaced(state, result.state);
  return result.state;
}
