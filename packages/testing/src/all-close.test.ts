import { describe, expect, it } from 'vitest';
import { expectAllClose } from './all-close.js';

describe('expectAllClose', () => {
  it('passes within abs + rel · |expected|, by default 1e-6 + 1e-5 · |expected|', () => {
    expectAllClose([1, 100, 0], [1 + 9e-6, 100 + 9e-4, 9e-7]);
    expectAllClose(Float32Array.of(0.1, 0.2), [0.1, 0.2]);
    expectAllClose([1.5], [1], { abs: 0.5, rel: 0 });
    expectAllClose([3], [2], { abs: 0, rel: 0.5 });
  });

  it('fails naming the first element out of tolerance', () => {
    expect(() => expectAllClose([1, 2, 3], [1, 2.1, 3.5])).toThrow('element 1: got 2, expected 2.1 (abs 0.000001, rel 0.00001)');
    expect(() => expectAllClose([1.5001], [1], { abs: 0.5, rel: 0 })).toThrow('element 0');
    expect(() => expectAllClose([2], [1], { message: 'loss' })).toThrow('loss: element 0: got 2, expected 1');
  });

  it('fails on a length mismatch and on NaN, which is close to nothing', () => {
    expect(() => expectAllClose([1, 2], [1])).toThrow('length');
    expect(() => expectAllClose([1], [1, 2], { message: 'grads' })).toThrow('grads: length');
    expect(() => expectAllClose([Number.NaN], [Number.NaN])).toThrow('element 0: got NaN, expected NaN');
    expect(() => expectAllClose([Number.NaN], [1], { abs: Number.POSITIVE_INFINITY })).toThrow('element 0');
  });
});
