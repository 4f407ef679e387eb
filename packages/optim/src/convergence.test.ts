// Every optimizer reaches the minimum of a parabola (within 1e-2) and comes within 5e-2 of
// Rosenbrock's minimum (1, 1) from (0, 0), through its curved valley (optax's tests).
import { expectAllClose } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adagrad } from './adagrad.js';
import { adam } from './adam.js';
import { adamw } from './adamw.js';
import { rmsprop } from './rmsprop.js';
import { sgd } from './sgd.js';
import { train } from './test/helpers.js';
import type { GradientTransformation } from './types.js';

// Settings chosen for each problem; the defaults are tuned for networks, not for these.
const PARABOLA: Record<string, [GradientTransformation, number]> = {
  sgd: [sgd({ learningRate: 0.1 }), 200],
  momentum: [sgd({ learningRate: 0.05, momentum: 0.9 }), 300],
  nesterov: [sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true }), 300],
  adam: [adam({ learningRate: 0.1 }), 500],
  adamw: [adamw({ learningRate: 0.1, weightDecay: 0 }), 500],
  rmsprop: [rmsprop({ learningRate: 0.01 }), 1500],
  adagrad: [adagrad({ learningRate: 1 }), 500],
};

const ROSENBROCK: Record<string, [GradientTransformation, number]> = {
  sgd: [sgd({ learningRate: 0.0019 }), 6000],
  momentum: [sgd({ learningRate: 0.001, momentum: 0.9 }), 1500],
  nesterov: [sgd({ learningRate: 0.001, momentum: 0.9, nesterov: true }), 1500],
  adam: [adam({ learningRate: 0.02 }), 1500],
  adamw: [adamw({ learningRate: 0.02, weightDecay: 0 }), 1500],
  rmsprop: [rmsprop({ learningRate: 0.001, momentum: 0.9 }), 2000],
  adagrad: [adagrad({ learningRate: 0.5, initialAccumulatorValue: 0 }), 3000],
};

describe('convergence', () => {
  for (const [name, [tx, steps]] of Object.entries(PARABOLA)) {
    it(`${name} minimises sum((x - 3)^2)`, () => {
      const x = tf.variable(tf.tensor1d([0, 10, -4]));
      tf.dispose(train(tx, { x }, () => tf.sum(tf.square(tf.sub(x, 3))), steps));
      expectAllClose(x.dataSync(), [3, 3, 3], { abs: 1e-2, rel: 0 });
      x.dispose();
    });
  }

  for (const [name, [tx, steps]] of Object.entries(ROSENBROCK)) {
    it(`${name} finds (1, 1) in Rosenbrock's valley (1 - x)^2 + 100 (y - x^2)^2`, () => {
      const [x, y] = [tf.variable(tf.scalar(0)), tf.variable(tf.scalar(0))];
      const loss = (): tf.Scalar =>
        tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x))))) as tf.Scalar;
      const before = tf.memory().numTensors;
      tf.dispose(train(tx, { x, y }, loss, steps));
      expect(tf.memory().numTensors).toBe(before);
      expectAllClose([x.dataSync()[0] ?? Number.NaN, y.dataSync()[0] ?? Number.NaN], [1, 1], { abs: 5e-2, rel: 0 });
      tf.dispose([x, y]);
    });
  }
});
