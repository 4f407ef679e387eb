import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adam } from './adam.js';
import { applyGradients } from './apply-gradients.js';
import { exponentialDecay } from './exponential-decay.js';
import { learningRateOf } from './learning-rate-of.js';
import { scale } from './scale.js';
import { setLearningRate } from './set-learning-rate.js';
import { sgd } from './sgd.js';
import { read } from './test/helpers.js';

describe('setLearningRate', () => {
  it('sets the rate of later updates, which learningRateOf reports and which stays as steps go on', () => {
    const tx = sgd({ learningRate: 0.1 });
    const grads = { x: tf.scalar(2) };
    let state = setLearningRate(tx, tx.init(grads), 0.25);
    expect(learningRateOf(tx, state)).toBe(0.25);
    for (let i = 0; i < 2; i++) {
      const r = tx.update(grads, state);
      // -0.25 · 2, not -0.1 · 2.
      expect(read(r.updates)).toEqual({ x: [-0.5] });
      tf.dispose([r.updates, state]);
      state = r.state;
    }
    expect(state).toEqual([{ count: 2, learningRate: 0.25 }]);
    expect(learningRateOf(tx, state)).toBe(0.25);
    tf.dispose([grads, state]);
  });

  it('replaces a schedule from then on, as Keras setting optimizer.learning_rate', () => {
    const tx = adam({ learningRate: exponentialDecay({ initialValue: 0.1, transitionSteps: 1, decayRate: 0.5 }) });
    const grads = { x: tf.scalar(1) };
    let state = tx.init(grads);
    const r = tx.update(grads, state);
    tf.dispose([r.updates, state]);
    state = r.state;
    expect(learningRateOf(tx, state)).toBe(0.05);
    state = setLearningRate(tx, state, 0.01);
    const r2 = tx.update(grads, state);
    tf.dispose([r2.updates, state]);
    expect(learningRateOf(tx, r2.state)).toBe(0.01);
    tf.dispose([grads, r2.state]);
  });

  it('keeps the other links\' tensors (no copies, no leaks) and runs through applyGradients', () => {
    const tx = adam({ learningRate: 0.1 });
    const x = tf.variable(tf.scalar(1));
    const grads = { x: tf.scalar(1) };
    const state = tx.init({ x });
    const before = tf.memory().numTensors;
    const set = setLearningRate(tx, state, 0.5);
    expect(set[0].mu.x).toBe(state[0].mu.x);
    expect(tf.memory().numTensors).toBe(before);
    // The step frees the two moments it replaces and holds two new ones.
    const next = applyGradients(tx, grads, set, { x });
    expect(tf.memory().numTensors).toBe(before);
    // Adam's first step moves by the rate (m̂ / √v̂ = 1): 1 - 0.5, not 1 - 0.1.
    expect(x.dataSync()[0]).toBeCloseTo(0.5, 5);
    expect(learningRateOf(tx, next)).toBe(0.5);
    tf.dispose([x, grads, next]);
  });

  it('refuses a bad rate and an optimizer without one', () => {
    const tx = sgd();
    expect(() => setLearningRate(tx, tx.init({}), -1)).toThrow('setLearningRate: learningRate must be a finite number');
    expect(() => setLearningRate(tx, tx.init({}), Number.NaN)).toThrow('setLearningRate: learningRate');
    const plain = scale(2);
    expect(() => setLearningRate(plain, plain.init({}), 0.1)).toThrow('setLearningRate: this optimizer has no learning rate to set');
  });
});
