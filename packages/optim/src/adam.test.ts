import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adam } from './adam.js';
import { exponentialDecay } from './exponential-decay.js';
import { read, train } from './test/helpers.js';

describe('adam', () => {
  it('first step is -lr * g / (|g| + eps), about -lr * sign(g)', () => {
    // Step 1 from zero moments: m = 0.1 g and v = 0.001 g^2, so m_hat = m / (1 - 0.9) = g and
    // v_hat = v / (1 - 0.999) = g^2; the update is -lr * g / (|g| + 1e-7):
    // g = 0.5: -0.1 * 0.5 / 0.5000001 = -0.09999998; g = -2: +0.1 * 2 / 2.0000001 = 0.099999995.
    const tx = adam({ learningRate: 0.1 });
    const params = { x: tf.tensor1d([1, 1]) };
    const grads = { x: tf.tensor1d([0.5, -2]) };
    const state = tx.init(params);
    const r = tx.update(grads, state, params);
    expectAllClose(read(r.updates).x ?? [], [-0.09999998, 0.099999995]);
    expect([r.state[0].count, r.state[1].count]).toEqual([1, 1]);
    expectAllClose(read(r.state[0].mu).x ?? [], [0.05, -0.2]);
    expectAllClose(read(r.state[0].nu).x ?? [], [0.00025, 0.004]);
    tf.dispose([params, grads, state, r]);
  });

  it('second step follows the bias-corrected moments', () => {
    // g1 = 0.5, g2 = 0.25, lr = 0.1:
    // m2 = 0.9 * 0.05 + 0.1 * 0.25 = 0.07;  v2 = 0.999 * 0.00025 + 0.001 * 0.0625 = 0.00031225
    // m_hat = 0.07 / (1 - 0.81) = 0.36842105;  v_hat = 0.00031225 / (1 - 0.998001) = 0.15620310
    // update = -0.1 * 0.36842105 / (sqrt(0.15620310) + 1e-7) = -0.1 * 0.36842105 / 0.39522548 = -0.09321794
    const tx = adam({ learningRate: 0.1 });
    const params = { x: tf.scalar(0) };
    const [g1, g2] = [{ x: tf.scalar(0.5) }, { x: tf.scalar(0.25) }];
    const s0 = tx.init(params);
    const r1 = tx.update(g1, s0, params);
    const r2 = tx.update(g2, r1.state, params);
    expectAllClose(read(r2.updates).x ?? [], [-0.09321794]);
    expectAllClose(read(r2.state[0].mu).x ?? [], [0.07]);
    expectAllClose(read(r2.state[0].nu).x ?? [], [0.00031225]);
    tf.dispose([params, g1, g2, s0, r1, r2]);
  });

  it('has Keras defaults: learning rate 0.001 and epsilon 1e-7', () => {
    // First step with g = 1e-6: -0.001 * 1e-6 / (1e-6 + 1e-7) = -0.001 / 1.1 = -0.00090909.
    // With PyTorch's epsilon 1e-8 it is -0.001 / 1.01 = -0.00099010. (Keras itself adds epsilon to
    // sqrt(v) before bias correction and would give -0.00024025; optax and PyTorch give these.)
    const grads = { x: tf.scalar(1e-6) };
    for (const [tx, expected] of [[adam(), -0.00090909], [adam({ epsilon: 1e-8 }), -0.0009901]] as const) {
      const state = tx.init(grads);
      const r = tx.update(grads, state);
      expectAllClose(read(r.updates).x ?? [], [expected], { abs: 1e-9, rel: 1e-4 });
      tf.dispose([state, r]);
    }
    grads.x.dispose();
  });

  it('converges on the parabola sum((x - 3)^2)', () => {
    const x = tf.variable(tf.tensor1d([0, 10, -4]));
    const loss = (): tf.Scalar => tf.sum(tf.square(tf.sub(x, 3)));
    tf.dispose(train(adam({ learningRate: 0.1 }), { x }, loss, 500));
    expectAllClose(x.dataSync(), [3, 3, 3], { abs: 1e-3, rel: 0 });
    x.dispose();
  });

  it('converges with a decaying learning rate from a schedule', () => {
    const x = tf.variable(tf.tensor1d([0, 10, -4]));
    const loss = (): tf.Scalar => tf.sum(tf.square(tf.sub(x, 3)));
    const learningRate = exponentialDecay({ initialValue: 0.5, transitionSteps: 50, decayRate: 0.5 });
    tf.dispose(train(adam({ learningRate }), { x }, loss, 500));
    expectAllClose(x.dataSync(), [3, 3, 3], { abs: 1e-3, rel: 0 });
    x.dispose();
  });

  it('leaves no tensors behind in a training loop beyond its state', () => {
    const x = tf.variable(tf.tensor1d([0, 1]));
    expectNoLeak(() => train(adam(), { x }, () => tf.sum(tf.square(x)), 3));
    x.dispose();
  });

  it('names the option at fault, as the caller spelt it', () => {
    expect(() => adam({ beta1: 1 })).toThrow('adam: beta1 must be a finite number with 0 <= beta1 < 1; got 1');
    expect(() => adam({ learningRate: -1 })).toThrow(
      'adam: learningRate must be a finite number with 0 <= learningRate; got -1',
    );
    expect(() => adam({ epsilon: Number.NaN })).toThrow('adam: epsilon');
  });
});
