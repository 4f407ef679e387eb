import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { read } from './test/helpers.js';
import { trace } from './trace.js';

describe('trace', () => {
  it('accumulates g + decay * trace, and Nesterov looks ahead', () => {
    // g1 = 1, g2 = 2, decay 0.5: trace 1, then 2 + 0.5 = 2.5; Nesterov's second update 2 + 0.5 * 2.5 = 3.25.
    for (const [nesterov, expected] of [[false, [1, 2.5]], [true, [1.5, 3.25]]] as const) {
      const tx = trace({ decay: 0.5, nesterov });
      const [g1, g2] = [{ x: tf.scalar(1) }, { x: tf.scalar(2) }];
      const s0 = tx.init(g1);
      const r1 = tx.update(g1, s0);
      const r2 = tx.update(g2, r1.state);
      expectAllClose([...(read(r1.updates).x ?? []), ...(read(r2.updates).x ?? [])], expected);
      expectAllClose(read(r2.state.trace).x ?? [], [2.5]);
      expect(r2.updates.x).not.toBe(r2.state.trace.x);
      tf.dispose([g1, g2, s0, r1, r2]);
    }
  });

  it('keeps the trace of a parameter without a gradient, and leaks nothing', () => {
    const tx = trace();
    const params = { a: tf.ones([2]), b: tf.ones([3]) };
    const state = tx.init(params);
    const grads = { a: tf.ones([2]) };
    expectNoLeak(() => tx.update(grads, state));
    const r = tx.update(grads, state);
    expect(Object.keys(r.updates)).toEqual(['a']);
    expect(read(r.state.trace).b).toEqual([0, 0, 0]);
    tf.dispose([params, state, grads, r]);
    expect(() => trace({ decay: 1 })).toThrow('trace: decay must be a finite number with 0 <= decay < 1; got 1');
  });
});
