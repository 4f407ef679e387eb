// The defaults of adamw, rmsprop and adagrad (Keras's), derived by hand for one step.
import { expectAllClose } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adagrad } from './adagrad.js';
import { adamw } from './adamw.js';
import { rmsprop } from './rmsprop.js';
import { read } from './test/helpers.js';
import type { GradientTransformation } from './types.js';

function firstUpdate(tx: GradientTransformation, grad: number, param: number): number {
  const [grads, params] = [{ x: tf.scalar(grad) }, { x: tf.scalar(param) }];
  const state = tx.init(params);
  const r = tx.update(grads, state, params);
  const value = read(r.updates).x?.[0] ?? Number.NaN;
  tf.dispose([grads, params, state, r]);
  return value;
}

describe('adamw, rmsprop and adagrad', () => {
  it("adamw decays the weights by lr * weightDecay besides Adam's step (Keras default 0.004)", () => {
    // g = 1, p = 10: Adam's direction 1 / (1 + 1e-7); -0.001 * (0.9999999 + 0.004 * 10) = -0.0010399999.
    expectAllClose([firstUpdate(adamw(), 1, 10)], [-0.0010399999], { abs: 1e-10, rel: 1e-6 });
    expect(() => adamw({ weightDecay: -1 })).toThrow('adamw: weightDecay must be a finite number with 0 <= weightDecay');
  });

  it('rmsprop divides by sqrt(nu + epsilon), nu = 0.1 g^2 after one step (Keras)', () => {
    // g = 2: nu = 0.4; -0.001 * 2 / sqrt(0.4 + 1e-7) = -0.0031622773.
    expectAllClose([firstUpdate(rmsprop(), 2, 0)], [-0.0031622773], { abs: 1e-10, rel: 1e-6 });
    expect(() => rmsprop({ decay: 1 })).toThrow('rmsprop: decay must be a finite number with 0 <= decay < 1; got 1');
  });

  it('adagrad starts its sum at 0.1 (Keras)', () => {
    // g = 2: s = 4.1; -0.001 * 2 / sqrt(4.1 + 1e-7) = -0.00098773.
    expectAllClose([firstUpdate(adagrad(), 2, 0)], [-0.00098772984], { abs: 1e-10, rel: 1e-6 });
    expect(() => adagrad({ epsilon: -1 })).toThrow('adagrad: epsilon');
  });
});
