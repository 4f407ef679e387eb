import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { clipByGlobalNorm } from './clip-by-global-norm.js';
import { read } from './test/helpers.js';

describe('clipByGlobalNorm', () => {
  it('scales all updates by maxNorm / norm when the global norm is larger', () => {
    // The global norm of [3] and [4] is 5; maxNorm 1 scales both by 0.2.
    const grads = { a: tf.tensor1d([3]), b: tf.tensor1d([4]) };
    const r = clipByGlobalNorm(1).update(grads, {});
    expectAllClose([...(read(r.updates).a ?? []), ...(read(r.updates).b ?? [])], [0.6, 0.8]);
    const small = clipByGlobalNorm(10).update(grads, {});
    expect(read(small.updates)).toEqual({ a: [3], b: [4] });
    expectNoLeak(() => clipByGlobalNorm(1).update(grads, {}));
    tf.dispose([grads, r, small]);
  });

  it('passes zero gradients through, and refuses a non-positive maxNorm', () => {
    const zeros = { a: tf.zeros([2]) };
    const r = clipByGlobalNorm(1).update(zeros, {});
    expect(read(r.updates)).toEqual({ a: [0, 0] });
    tf.dispose([zeros, r]);
    expect(() => clipByGlobalNorm(0)).toThrow('clipByGlobalNorm: maxNorm must be a finite number with 0 < maxNorm; got 0');
  });
});
