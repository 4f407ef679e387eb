import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { clipByValue } from './clip-by-value.js';
import { read } from './test/helpers.js';

describe('clipByValue', () => {
  it('clips each element to [-maxDelta, maxDelta]', () => {
    const grads = { a: tf.tensor1d([-3, 0.5, 2]) };
    const r = clipByValue(1).update(grads, {});
    expect(read(r.updates)).toEqual({ a: [-1, 0.5, 1] });
    expectNoLeak(() => clipByValue(1).update(grads, {}));
    tf.dispose([grads, r]);
    expect(() => clipByValue(-1)).toThrow('clipByValue: maxDelta must be a finite number with 0 <= maxDelta; got -1');
  });
});
