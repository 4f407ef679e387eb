import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

// A promise is never a TensorContainer (its methods are functions), so the overloads below
// tell a synchronous `fn` from an asynchronous one.
const isPromise = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/**
 * Runs `fn`, disposes whatever tensors it returns (or resolves to), and returns how many tensors
 * are live that were not before: 0 when `fn` disposed all its intermediates. A negative count
 * means `fn` disposed tensors it did not make. If `fn` throws, the error propagates and nothing
 * is counted; use {@link expectNoLeak} to check a failing call.
 */
export function leaked(fn: () => Promise<tf.TensorContainer>): Promise<number>;
export function leaked(fn: () => tf.TensorContainer): number;
export function leaked(fn: () => tf.TensorContainer | Promise<tf.TensorContainer>): number | Promise<number> {
  const before = tf.memory().numTensors;
  const settle = (result: tf.TensorContainer): number => {
    tf.dispose(result);
    return tf.memory().numTensors - before;
  };
  const result = fn();
  return isPromise(result) ? Promise.resolve(result).then(settle) : settle(result);
}

/**
 * Runs `fn`, disposes whatever tensors it returns (or resolves to), and asserts that
 * `tf.memory().numTensors` is back where it started: `fn` disposed all its intermediates.
 * Synchronous for a synchronous `fn`; returns a promise (await it) for an async one. The count
 * is checked also when `fn` throws or rejects, since error paths must free their tensors too:
 * with no leak the error is then rethrown as it was; with a leak, the leak fails the test and
 * the error is its `cause`. `fn` returns tensors, containers of them, or nothing: a block body
 * around `await expect(...).rejects.toThrow()`, not the assertion object itself, which
 * `tf.dispose` cannot walk.
 */
export function expectNoLeak(fn: () => Promise<tf.TensorContainer>): Promise<void>;
export function expectNoLeak(fn: () => tf.TensorContainer): void;
export function expectNoLeak(fn: () => tf.TensorContainer | Promise<tf.TensorContainer>): void | Promise<void> {
  const before = tf.memory().numTensors;
  const check = (thrown: { error: unknown } | undefined): void => {
    const after = tf.memory().numTensors;
    if (after !== before && thrown !== undefined) {
      throw new Error(`${after - before} tensor(s) left over by a call that threw: ${String(thrown.error)}`, { cause: thrown.error });
    }
    expect(after - before, 'tensors left over (live after minus live before)').toBe(0);
    if (thrown !== undefined) throw thrown.error;
  };
  let result: tf.TensorContainer | Promise<tf.TensorContainer>;
  try {
    result = fn();
  } catch (error) {
    return check({ error });
  }
  if (!isPromise(result)) {
    tf.dispose(result);
    return check(undefined);
  }
  return Promise.resolve(result).then(
    (value) => {
      tf.dispose(value);
      check(undefined);
    },
    (error: unknown) => check({ error }),
  );
}
