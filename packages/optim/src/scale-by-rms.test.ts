import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { scaleByRms } from './scale-by-rms.js';
import { read } from './test/helpers.js';

describe('scaleByRms', () => {
  it('divides by the root of the running mean of squares, epsilon inside or outside the root', () => {
    // g = 2, decay 0.75: nu = 0.25 * 4 = 1; eps 0.44 inside: 2 / sqrt(1.44) = 1.6666667;
    // outside: 2 / (1 + 0.44) = 1.3888889.
    for (const [epsInSqrt, expected] of [[true, 1.6666667], [false, 1.3888889]] as const) {
      const tx = scaleByRms({ decay: 0.75, eps: 0.44, epsInSqrt });
      const grads = { x: tf.scalar(2) };
      const state = tx.init(grads);
      const r = tx.update(grads, state);
      expectAllClose(read(r.updates).x ?? [], [expected]);
      expectAllClose(read(r.state.nu).x ?? [], [1]);
      tf.dispose([grads, state, r]);
    }
  });

  it('centered, divides by the root of the variance nu - mu^2', () => {
    // g = 2, decay 0.75: nu = 1, mu = 0.5, variance 0.75; eps 0: 2 / sqrt(0.75) = 2.3094011.
    const tx = scaleByRms({ decay: 0.75, eps: 0, centered: true });
    const grads = { x: tf.scalar(2) };
    const state = tx.init(grads);
    const r = tx.update(grads, state);
    expectAllClose(read(r.updates).x ?? [], [2.3094011]);
    expectNoLeak(() => tx.update(grads, state));
    tf.dispose([grads, state, r]);
    expect(() => scaleByRms({ eps: -1 })).toThrow('scaleByRms: eps must be a finite number with 0 <= eps; got -1');
  });
});
