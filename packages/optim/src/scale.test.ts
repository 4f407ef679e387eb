import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { scale } from './scale.js';
import { read } from './test/helpers.js';

describe('scale', () => {
  it('multiplies every update by a constant and keeps no state', () => {
    const tx = scale(-3);
    const grads = { a: tf.tensor1d([1, 2]), b: tf.scalar(-1) };
    const state = tx.init(grads);
    expect(state).toEqual({});
    const r = tx.update(grads, state);
    expect(read(r.updates)).toEqual({ a: [-3, -6], b: [3] });
    expectNoLeak(() => tx.update(grads, state));
    tf.dispose([grads, r]);
  });

  it('refuses a factor that is not a finite number', () => {
    expect(() => scale(Number.NaN)).toThrow('scale: factor must be a finite number; got NaN');
  });
});
