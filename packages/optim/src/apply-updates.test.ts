import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { applyUpdates } from './apply-updates.js';

describe('applyUpdates', () => {
  it('adds each update to its variable in place', () => {
    const variables = { w: tf.variable(tf.tensor1d([1, 2])), b: tf.variable(tf.scalar(5)) };
    const updates = { w: tf.tensor1d([0.5, -1]) };
    applyUpdates(variables, updates);
    expect(Array.from(variables.w.dataSync())).toEqual([1.5, 1]);
    expect(Array.from(variables.b.dataSync())).toEqual([5]);
    expect(updates.w.isDisposed).toBe(false);
    tf.dispose([variables, updates]);
  });

  it('leaves no tensors behind', () => {
    const variables = { w: tf.variable(tf.ones([3, 3])) };
    const updates = { w: tf.ones([3, 3]) };
    expectNoLeak(() => applyUpdates(variables, updates));
    tf.dispose([variables, updates]);
  });

  it('changes nothing when an update has no variable or the wrong shape', () => {
    const variables = { w: tf.variable(tf.zeros([2])), b: tf.variable(tf.zeros([2])) };
    const unknown = { w: tf.ones([2]), bias: tf.ones([2]) };
    const broadcast = { w: tf.ones([2]), b: tf.ones([1]) };
    expect(() => applyUpdates(variables, unknown)).toThrow(
      'applyUpdates: no variable named "bias"; the variables are: w, b',
    );
    expect(() => applyUpdates(variables, broadcast)).toThrow(
      'applyUpdates: the update for "b" has shape [1], its variable [2]',
    );
    expect(Array.from(variables.w.dataSync())).toEqual([0, 0]);
    tf.dispose([variables, unknown, broadcast]);
  });
});
