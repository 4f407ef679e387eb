import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { sgd } from './sgd.js';
import { read, train } from './test/helpers.js';

describe('sgd', () => {
  it('steps by -learningRate * grad, 0.01 by default (Keras)', () => {
    const grads = { x: tf.tensor1d([1, -2]) };
    for (const [tx, expected] of [[sgd(), [-0.01, 0.02]], [sgd({ learningRate: 0.5 }), [-0.5, 1]]] as const) {
      const state = tx.init(grads);
      const r = tx.update(grads, state);
      expectAllClose(read(r.updates).x ?? [], expected);
      tf.dispose([state, r]);
    }
    grads.x.dispose();
  });

  it('converges on the parabola sum((x - 3)^2)', () => {
    // x <- x - 0.1 * 2 (x - 3): the error shrinks by 0.8 per step, 0.8^100 ≈ 2e-10.
    const x = tf.variable(tf.tensor1d([0, 10, -4]));
    const loss = (): tf.Scalar => tf.sum(tf.square(tf.sub(x, 3)));
    tf.dispose(train(sgd({ learningRate: 0.1 }), { x }, loss, 100));
    expectAllClose(x.dataSync(), [3, 3, 3], { abs: 1e-5, rel: 0 });
    x.dispose();
  });

  it('leaves no tensors behind in a training loop', () => {
    const x = tf.variable(tf.tensor1d([0, 1]));
    expectNoLeak(() => train(sgd(), { x }, () => tf.sum(tf.square(x)), 3));
    x.dispose();
  });

  it('refuses a negative learning rate', () => {
    expect(() => sgd({ learningRate: -0.1 })).toThrow(
      'sgd: learningRate must be a finite number with 0 <= learningRate; got -0.1',
    );
  });
});

describe('sgd with momentum', () => {
  it('steps by -lr * trace, trace = g + momentum * trace; Nesterov by -lr * (g + momentum * trace)', () => {
    // g = 1 twice, lr 0.1, momentum 0.5: traces 1 and 1.5; Nesterov's updates -0.15 and -0.175.
    for (const [nesterov, expected] of [[false, [-0.1, -0.15]], [true, [-0.15, -0.175]]] as const) {
      const tx = sgd({ learningRate: 0.1, momentum: 0.5, nesterov });
      const grads = { x: tf.scalar(1) };
      const s0 = tx.init(grads);
      const r1 = tx.update(grads, s0);
      const r2 = tx.update(grads, r1.state);
      expectAllClose([...(read(r1.updates).x ?? []), ...(read(r2.updates).x ?? [])], expected);
      tf.dispose([grads, s0, r1, r2]);
    }
    expect(() => sgd({ nesterov: true })).toThrow('sgd: nesterov needs momentum > 0; got momentum 0');
  });
});
