import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { addDecayedWeights } from './add-decayed-weights.js';
import { read } from './test/helpers.js';

describe('addDecayedWeights', () => {
  it('adds weightDecay * params to the updates', () => {
    const tx = addDecayedWeights({ weightDecay: 0.5 });
    const [grads, params] = [{ w: tf.tensor1d([1, 1]) }, { w: tf.tensor1d([2, -4]) }];
    const r = tx.update(grads, tx.init(params), params);
    expect(read(r.updates)).toEqual({ w: [2, -1] });
    expectNoLeak(() => tx.update(grads, {}, params));
    tf.dispose([r, grads, params]);
  });

  it('needs params with every gradient name and shape', () => {
    const tx = addDecayedWeights();
    const grads = { w: tf.ones([2]) };
    const other = { w: tf.ones([3]) };
    expect(() => tx.update(grads, {})).toThrow('addDecayedWeights: update() needs params');
    expect(() => tx.update(grads, {}, {})).toThrow('the update for "w" has shape [2] but params has no parameter of that name');
    expect(() => tx.update(grads, {}, other)).toThrow('but params has a parameter of shape [3]');
    tf.dispose([grads, other]);
  });
});
