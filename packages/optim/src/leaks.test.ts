// Memory is part of correctness: 1,000 updates of every optimizer leave exactly their state alive.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adagrad } from './adagrad.js';
import { adam } from './adam.js';
import { adamw } from './adamw.js';
import { applyUpdates } from './apply-updates.js';
import { chain } from './chain.js';
import { clipByGlobalNorm } from './clip-by-global-norm.js';
import { clipByValue } from './clip-by-value.js';
import { cosineDecay } from './cosine-decay.js';
import { rmsprop } from './rmsprop.js';
import { sgd } from './sgd.js';
import type { GradientTransformation } from './types.js';

const OPTIMIZERS: Record<string, () => GradientTransformation> = {
  sgd: () => sgd(),
  nesterov: () => sgd({ momentum: 0.9, nesterov: true }),
  adam: () => adam({ learningRate: cosineDecay({ initialValue: 0.01, decaySteps: 500 }) }),
  adamw: () => adamw(),
  'rmsprop centered with momentum': () => rmsprop({ centered: true, momentum: 0.5 }),
  adagrad: () => adagrad(),
  'clipped adam': () => chain(clipByGlobalNorm(1), clipByValue(0.5), adam()),
};

describe('no tensor leaks across 1,000 updates', () => {
  for (const [name, make] of Object.entries(OPTIMIZERS)) {
    it(name, () => {
      const tx = make();
      const variables = { w: tf.variable(tf.ones([4, 3])), b: tf.variable(tf.zeros([3])) };
      const grads = { w: tf.fill([4, 3], 0.1), b: tf.fill([3], -0.2) };
      let state = tx.init(variables);
      const alive = tf.memory().numTensors;
      for (let step = 0; step < 1000; step++) {
        const r = tx.update(grads, state, variables);
        applyUpdates(variables, r.updates);
        tf.dispose([r.updates, state]);
        state = r.state;
        if (step % 250 === 0) expect(tf.memory().numTensors).toBe(alive);
      }
      expect(tf.memory().numTensors).toBe(alive);
      tf.dispose([state, variables, grads]);
    });
  }
});
