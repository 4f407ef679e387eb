import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { scaleByLearningRate } from './scale-by-learning-rate.js';
import { read } from './test/helpers.js';

describe('scaleByLearningRate', () => {
  it('multiplies by -learningRate', () => {
    const tx = scaleByLearningRate(0.5);
    const grads = { x: tf.tensor1d([2, -4]) };
    const r = tx.update(grads, tx.init(grads));
    expect(read(r.updates)).toEqual({ x: [-1, 2] });
    expect(r.state).toEqual({ count: 1 });
    tf.dispose([grads, r]);
  });

  it('asks a schedule for the count of updates so far, starting at 0', () => {
    const steps: number[] = [];
    const tx = scaleByLearningRate((step) => {
      steps.push(step);
      return 1 / (step + 1);
    });
    const grads = { x: tf.scalar(1) };
    let state = tx.init(grads);
    const updates: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = tx.update(grads, state);
      updates.push(...(read(r.updates).x ?? []));
      tf.dispose(r.updates);
      state = r.state;
    }
    expect(steps).toEqual([0, 1, 2]);
    expectAllClose(updates, [-1, -1 / 2, -1 / 3]);
    grads.x.dispose();
  });

  it('with flipSign false multiplies by +learningRate', () => {
    const tx = scaleByLearningRate(0.5, { flipSign: false });
    const grads = { x: tf.scalar(2) };
    const r = tx.update(grads, tx.init(grads));
    expect(read(r.updates)).toEqual({ x: [1] });
    tf.dispose([grads, r]);
  });

  it('leaves no tensors behind', () => {
    const tx = scaleByLearningRate(0.1);
    const grads = { a: tf.ones([3]), b: tf.ones([2, 2]) };
    expectNoLeak(() => tx.update(grads, tx.init(grads)));
    tf.dispose(grads);
  });

  it('refuses a bad learning rate, or a schedule value that is not finite, naming the step', () => {
    expect(() => scaleByLearningRate(Number.POSITIVE_INFINITY)).toThrow(
      'scaleByLearningRate: learningRate must be a finite number',
    );
    const tx = scaleByLearningRate((step) => (step < 1 ? 0.1 : Number.NaN));
    const grads = { x: tf.scalar(1) };
    const r = tx.update(grads, tx.init(grads));
    const before = tf.memory().numTensors;
    expect(() => tx.update(grads, r.state)).toThrow(
      'scaleByLearningRate: the learning-rate schedule returned NaN at step 1',
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([grads, r]);
  });
});
