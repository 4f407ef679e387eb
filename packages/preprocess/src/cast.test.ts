import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { cast } from './cast.js';

describe('cast', () => {
  it('rounds by the chosen policy, halves to even for round (numpy rint)', () => {
    const x = [2.5, 3.5, -2.5, -0.4, 1.7, -1.7, 0.5];
    expect(Array.from(cast(x, 'int32'))).toEqual([2, 3, -2, 0, 1, -1, 0]);
    expect(Array.from(cast(x, 'int32', { rounding: 'round' }))).toEqual([2, 4, -2, 0, 2, -2, 0]);
    expect(Array.from(cast(x, 'int32', { rounding: 'floor' }))).toEqual([2, 3, -3, -1, 1, -2, 0]);
    expect(Array.from(cast(x, 'int32', { rounding: 'ceil' }))).toEqual([3, 4, -2, 0, 2, -1, 1]);
  });

  it('errors on overflow, NaN and Infinity naming the position, or clips and replaces', () => {
    const t = tf.tensor2d([[1, 2], [300, -1]]);
    expect(() => cast(t, 'uint8')).toThrow("cast: 300 at index 2 (position [1, 0]) is outside the uint8 range [0, 255]; pass overflow: 'clip' to clip it");
    expect(() => cast([1, Number.NaN], 'int32')).toThrow('cast: NaN at index 1 cannot be int32; pass nan: <number> to replace it');
    expect(() => cast([Number.POSITIVE_INFINITY], 'int32')).toThrow('cast: Infinity at index 0 is outside the int32 range');
    expect(Array.from(cast([300, -1, Number.NEGATIVE_INFINITY, Number.NaN], 'uint8', { overflow: 'clip', nan: 0 }))).toEqual([255, 0, 0, 0]);
    expect(leaked(() => cast(t, 'uint8', { overflow: 'clip' }))).toBe(0);
    const clipped = cast(t, 'uint8', { overflow: 'clip' });
    expect(clipped.dtype).toBe('int32');
    expect(clipped.arraySync()).toEqual([[1, 2], [255, 0]]);
    tf.dispose([t, clipped]);
  });

  it('converts to float32 and bool', () => {
    expect(cast(new Int32Array([16777217, 3]), 'float32')).toEqual(new Float32Array([16777216, 3]));
    expect(Array.from(cast([0, 2, -1, Number.NaN], 'bool'))).toEqual([0, 1, 1, 1]);
    const ints = tf.tensor1d([0, 5], 'int32');
    const flags = cast(ints, 'bool');
    expect(flags.dtype).toBe('bool');
    expect(Array.from(flags.dataSync())).toEqual([0, 1]);
    tf.dispose([ints, flags]);
  });

  it('names bad options', () => {
    // @ts-expect-error: not a dtype
    expect(() => cast([1], 'int64')).toThrow('cast: dtype must be float32, int32, uint8 or bool, got int64');
    // @ts-expect-error: not a policy
    expect(() => cast([1], 'int32', { rounding: 'half' })).toThrow('cast: rounding must be trunc, round, floor or ceil, got half');
  });
});
