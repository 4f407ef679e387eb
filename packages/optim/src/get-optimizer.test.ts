import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { getOptimizer, OPTIMIZER_NAMES } from './get-optimizer.js';
import { sgd } from './sgd.js';
import { read } from './test/helpers.js';
import type { GradientTransformation } from './types.js';

/** The first update of `tx` for the gradient 1. */
function firstUpdate(tx: GradientTransformation): number[] {
  const grads = { x: tf.scalar(1) };
  const state = tx.init(grads);
  const r = tx.update(grads, state);
  const values = read(r.updates).x ?? [];
  tf.dispose([grads, state, r]);
  return values;
}

describe('getOptimizer', () => {
  it('builds sgd and adam by name, in any case, with their options', () => {
    expect(firstUpdate(getOptimizer('sgd'))).toEqual([Math.fround(-0.01)]);
    expect(firstUpdate(getOptimizer('SGD', { learningRate: 0.5 }))).toEqual([-0.5]);
    // Adam's first step is -lr * g / (|g| + eps) = -0.001 / (1 + 1e-7) for g = 1.
    expect(firstUpdate(getOptimizer('adam'))[0]).toBeCloseTo(-0.001, 9);
    expect(firstUpdate(getOptimizer('Adam', { learningRate: 0.1, epsilon: 1e-8 }))[0]).toBeCloseTo(-0.1, 7);
  });

  it('passes a transformation through', () => {
    const tx = sgd();
    expect(getOptimizer(tx)).toBe(tx);
    expect(() => getOptimizer(tx, { learningRate: 1 })).toThrow('options apply only to an optimizer given by name');
  });

  it('builds momentum, nesterov, adamw, rmsprop and adagrad with their defaults', () => {
    // First steps for g = 1: momentum's trace is g; Nesterov's update is g + 0.9 g = 1.9 g.
    expect(firstUpdate(getOptimizer('momentum'))).toEqual([Math.fround(-0.01)]);
    expect(firstUpdate(getOptimizer('nesterov'))[0]).toBeCloseTo(-0.019, 8);
    // adamw's decay needs params: without them it says so.
    expect(() => firstUpdate(getOptimizer('adamw'))).toThrow('addDecayedWeights: update() needs params');
    // rmsprop: nu = 0.1, update -0.001 / sqrt(0.1 + 1e-7); adagrad: -0.001 / sqrt(1.1 + 1e-7).
    expect(firstUpdate(getOptimizer('rmsprop'))[0]).toBeCloseTo(-0.001 / Math.sqrt(0.1000001), 9);
    expect(firstUpdate(getOptimizer('adagrad'))[0]).toBeCloseTo(-0.001 / Math.sqrt(1.1000001), 9);
  });

  it('refuses unknown names and options, listing the valid ones', () => {
    expect(OPTIMIZER_NAMES).toEqual(['sgd', 'momentum', 'nesterov', 'adam', 'adamw', 'rmsprop', 'adagrad']);
    expect(() => getOptimizer('lamb')).toThrow(
      'Unknown optimizer "lamb"; valid names are sgd, momentum, nesterov, adam, adamw, rmsprop, adagrad',
    );
    expect(() => getOptimizer('constructor')).toThrow('Unknown optimizer "constructor"');
    expect(() => getOptimizer('adam', { lr: 0.1 })).toThrow(
      'getOptimizer: unknown option "lr" for adam; valid options are learningRate, beta1, beta2, epsilon',
    );
    expect(() => getOptimizer('sgd', { learningRate: '0.1' })).toThrow('sgd: learningRate must be a finite number');
    expect(() => getOptimizer('sgd', { nesterov: true })).toThrow('sgd: nesterov needs momentum > 0');
  });
});
