import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { scaleByRss } from './scale-by-rss.js';
import { read } from './test/helpers.js';

describe('scaleByRss', () => {
  it('divides by the root of the sum of all squared gradients so far', () => {
    // Initial 0.1, eps 0: g = 1 gives 1 / sqrt(1.1) = 0.95346259; then g = 2: 2 / sqrt(5.1) = 0.88561489.
    const tx = scaleByRss({ eps: 0 });
    const [g1, g2] = [{ x: tf.scalar(1) }, { x: tf.scalar(2) }];
    const s0 = tx.init(g1);
    const r1 = tx.update(g1, s0);
    const r2 = tx.update(g2, r1.state);
    expectAllClose([...(read(r1.updates).x ?? []), ...(read(r2.updates).x ?? [])], [0.95346259, 0.88561489]);
    expectAllClose(read(r2.state.sumOfSquares).x ?? [], [5.1]);
    expectNoLeak(() => tx.update(g2, r1.state));
    tf.dispose([g1, g2, s0, r1, r2]);
    expect(() => scaleByRss({ initialAccumulatorValue: -1 })).toThrow('scaleByRss: initialAccumulatorValue');
  });
});
