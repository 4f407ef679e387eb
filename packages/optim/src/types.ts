import type * as tf from '@tensorflow/tfjs-core';
import type { Schedule } from './schedule.js';

/** Named tensors: parameters, gradients or updates, keyed by the same names throughout. */
export type Params = Record<string, tf.Tensor>;

/**
 * What a transformation's `update` returns: updates to add to the parameters, and the next state.
 * A type alias rather than an interface so that it is a `tf.TensorContainer`: `tf.dispose(result)`
 * frees both.
 */
export type UpdateResult<S> = {
  updates: Params;
  state: S;
};

/**
 * A gradient transformation in optax's shape: two pure functions, all state in the value returned.
 *
 * Updates are ADDED to parameters (`applyUpdates`), so descent transformations produce negative
 * steps (sgd's update is `-learningRate * grad`). Step counts live in the state as plain numbers,
 * so schedules are evaluated in JavaScript and no tensor is read back.
 *
 * Memory contract:
 * - `init(params)` returns a state whose tensors are new and owned by the caller.
 * - `update(grads, state, params)` disposes none of its inputs. It returns new tensors (never an
 *   input itself) for both `updates` and `state`; the caller disposes them, and the old state and
 *   the grads once it is done with them. A training step is:
 *
 * ```ts
 * const r = tx.update(grads, state, params);
 * applyUpdates(variables, r.updates);
 * tf.dispose([r.updates, state, grads]);
 * state = r.state;
 * ```
 *
 * States are plain objects or arrays of tensors and numbers (`tf.TensorContainer`), so
 * `tf.dispose(state)` frees all of one.
 */
export interface GradientTransformation<S extends tf.TensorContainer = tf.TensorContainer> {
  /** The initial state for `params` (their shapes and names; their values are not kept). */
  init(params: Params): S;
  /**
   * Transforms `grads` into updates and advances the state. `params` (the current values) is for
   * transformations that need them: `addDecayedWeights` (and so `adamw`) requires it.
   */
  update(grads: Params, state: S, params?: Params): UpdateResult<S>;
  /**
   * The hyperparameters the next `update` will use, given the current state, as plain numbers
   * (for logging; nothing is read back from the device). `scaleByLearningRate` reports
   * `learningRate`; `chain` merges its links' reports. Optional: most transformations have none.
   */
  hyperparams?(state: S): Record<string, number>;
  /**
   * The state with hyperparameters replaced (`{ learningRate: 1e-4 }`), for the next updates and
   * for checkpoints, as optax's `inject_hyperparams` makes them settable. Names a transformation
   * does not have are ignored (`setLearningRate` checks the name against `hyperparams`). The
   * result holds the tensors of `state` itself: keep one of the two, dispose neither twice.
   * Optional: `scaleByLearningRate` and `chain` have it.
   */
  setHyperparams?(state: S, values: Readonly<Record<string, number>>): S;
  /**
   * The whole step at once, `update` then `applyUpdates` to `variables`, where the backend has a
   * fused kernel for it (e.g. @lab/backend-native's `LabAdamUpdate`, which writes the variable and
   * the moments in place). Returns the next state, or `undefined` having changed nothing when it
   * cannot; the caller then runs `update` and `applyUpdates`. It disposes the tensors of `state`
   * that the next state does not hold, never `grads`. Optional; {@link applyGradients} calls it.
   */
  step?(grads: Params, state: S, variables: Record<string, tf.Variable>): S | undefined;
  /**
   * What this transformation is, for {@link chain}'s fusion pass (`fuse`): set by the links a lab
   * kernel can run together (`scaleByAdam`, `addDecayedWeights`, `trace`, `scaleByRms`,
   * `scaleByLearningRate`). Optional; custom transformations leave it out and are never fused.
   */
  readonly fusable?: Fusable;
}

/**
 * The state of a stateless transformation. `Record<string, never>` rather than `{}` so that it is
 * a `tf.TensorContainer` and nothing can be stored in it.
 */
export type EmptyState = Record<string, never>;

/**
 * What a transformation tells `chain`'s fusion pass about itself: its kind and hyperparameters. Only the
 * links that a lab kernel can run together describe themselves.
 */
export type Fusable =
  | { kind: 'scaleByAdam'; b1: number; b2: number; eps: number }
  | { kind: 'addDecayedWeights'; weightDecay: number }
  | { kind: 'trace'; decay: number; nesterov: boolean }
  | { kind: 'scaleByRms'; decay: number; eps: number; epsInSqrt: boolean }
  | { kind: 'scaleByLearningRate'; schedule: Schedule; descent: boolean };
