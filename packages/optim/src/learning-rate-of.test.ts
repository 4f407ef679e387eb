import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adam } from './adam.js';
import { exponentialDecay } from './exponential-decay.js';
import { learningRateOf } from './learning-rate-of.js';
import { scale } from './scale.js';
import { sgd } from './sgd.js';
import type { GradientTransformation } from './types.js';

describe('learningRateOf', () => {
  it('is the rate the next update will use, from any chain', () => {
    const learningRate = exponentialDecay({ initialValue: 0.1, transitionSteps: 1, decayRate: 0.5 });
    const optimizers: GradientTransformation[] = [adam({ learningRate }), sgd({ learningRate, momentum: 0.9 })];
    for (const tx of optimizers) {
      const grads = { x: tf.scalar(1) };
      let state = tx.init(grads);
      expect(learningRateOf(tx, state)).toBe(0.1);
      for (let i = 0; i < 2; i++) {
        const r = tx.update(grads, state);
        tf.dispose([r.updates, state]);
        state = r.state;
      }
      expect(learningRateOf(tx, state)).toBe(0.025);
      tf.dispose([grads, state]);
    }
  });

  it('is undefined for a transformation without a learning rate', () => {
    const tx = scale(2);
    expect(learningRateOf(tx, tx.init({}))).toBeUndefined();
  });
});
