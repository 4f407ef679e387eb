import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { chain } from './chain.js';
import { scale } from './scale.js';
import { scaleByAdam } from './scale-by-adam.js';
import { scaleByLearningRate } from './scale-by-learning-rate.js';
import { read } from './test/helpers.js';
import type { GradientTransformation } from './types.js';

describe('chain', () => {
  it('applies its transformations in order and keeps their states as a tuple', () => {
    // g = 2: scale(3) gives 6, then -0.5 * 6 = -3.
    const tx = chain(scale(3), scaleByLearningRate(0.5));
    const grads = { x: tf.scalar(2) };
    const state = tx.init(grads);
    expect(state).toEqual([{}, { count: 0 }]);
    const r = tx.update(grads, state);
    expect(read(r.updates)).toEqual({ x: [-3] });
    expect(r.state).toEqual([{}, { count: 1 }]);
    tf.dispose([grads, r]);
  });

  it('disposes the updates passed between links, and nothing of the caller', () => {
    const tx = chain(scaleByAdam(), scale(2), scaleByLearningRate(0.1));
    const grads = { w: tf.ones([2, 3]), b: tf.ones([3]) };
    expectNoLeak(() => tx.init(grads));
    const state = tx.init(grads);
    expectNoLeak(() => tx.update(grads, state));
    expect([...Object.values(grads), ...Object.values(state[0].mu)].every((t) => !t.isDisposed)).toBe(true);
    tf.dispose([grads, state]);
  });

  it('is the identity when empty, returning copies', () => {
    const tx = chain();
    const grads = { x: tf.tensor1d([1, 2]) };
    const r = tx.update(grads, tx.init(grads));
    expect(r.updates.x).not.toBe(grads.x);
    tf.dispose(grads);
    expect(read(r.updates)).toEqual({ x: [1, 2] });
    tf.dispose(r.updates);
  });

  it('disposes what earlier links made when a later one throws', () => {
    const failing: GradientTransformation<Record<string, never>> = {
      init: () => ({}),
      update: () => {
        throw new Error('boom');
      },
    };
    const tx = chain(scaleByAdam(), scale(2), failing);
    const grads = { x: tf.ones([4]) };
    const state = tx.init(grads);
    const before = tf.memory().numTensors;
    expect(() => tx.update(grads, state)).toThrow('boom');
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([grads, state]);
  });
});
