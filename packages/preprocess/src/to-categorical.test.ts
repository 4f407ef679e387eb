import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { toCategorical } from './to-categorical.js';

function rows(t: tf.Tensor2D): number[][] {
  const out = t.arraySync();
  t.dispose();
  return out;
}

describe('toCategorical', () => {
  it('one-hot encodes labels as float32 [N, max + 1], as Keras does', () => {
    const encoded = toCategorical([0, 2, 1, 2]);
    expect(encoded.dtype).toBe('float32');
    expect(encoded.shape).toEqual([4, 3]);
    expect(rows(encoded)).toEqual([[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]]);
  });

  it('takes numClasses, typed arrays and tensors of any numeric dtype, [N] or [N, 1]', () => {
    expect(rows(toCategorical(new Uint8Array([1, 0]), 4))).toEqual([[0, 1, 0, 0], [1, 0, 0, 0]]);
    expect(rows(toCategorical(new Int32Array([2]), 3))).toEqual([[0, 0, 1]]);
    const ints = tf.tensor1d([1, 3], 'int32');
    const floats = tf.tensor1d([3, 0]);
    const column = tf.tensor2d([[1], [0]], [2, 1], 'int32');
    expect(rows(toCategorical(ints))).toEqual([[0, 1, 0, 0], [0, 0, 0, 1]]);
    expect(rows(toCategorical(floats, 5))).toEqual([[0, 0, 0, 1, 0], [1, 0, 0, 0, 0]]);
    expect(rows(toCategorical(column))).toEqual([[0, 1], [1, 0]]);
    expect(ints.isDisposed).toBe(false);
    tf.dispose([ints, floats, column]);
  });

  it('encodes no labels as [0, numClasses] when numClasses is given', () => {
    const empty = toCategorical([], 10);
    expect(empty.shape).toEqual([0, 10]);
    empty.dispose();
    expect(() => toCategorical([])).toThrow('toCategorical: cannot infer numClasses from empty labels; pass numClasses');
  });

  it('names the first bad label, its index and the valid range', () => {
    expect(() => toCategorical([0, 1, 10, 12], 10)).toThrow('toCategorical: labels[2] is 10; labels must be integers in [0, 10)');
    expect(() => toCategorical([0, -1, 3])).toThrow('toCategorical: labels[1] is -1; labels must be integers in [0, 4)');
    expect(() => toCategorical([0, 1.5, 2])).toThrow('toCategorical: labels[1] is 1.5; labels must be integers in [0, 3)');
    const withNaN = tf.tensor1d([1, Number.NaN]);
    expect(() => toCategorical(withNaN)).toThrow('toCategorical: labels[1] is NaN; labels must be integers in [0, 2)');
    withNaN.dispose();
  });

  it('rejects bad numClasses, shapes and dtypes', () => {
    const matrix = tf.zeros([2, 3]);
    const scalar = tf.scalar(1);
    const text = tf.tensor1d(['1']);
    expect(() => toCategorical([0], 0)).toThrow('toCategorical: numClasses must be an integer >= 1, got 0');
    expect(() => toCategorical([0], 2.5)).toThrow('got 2.5');
    expect(() => toCategorical(matrix)).toThrow('toCategorical: labels must have shape [N] or [N, 1], got [2, 3]');
    expect(() => toCategorical(scalar)).toThrow('got []');
    expect(() => toCategorical(text)).toThrow('toCategorical: labels must be numeric, got dtype string');
    tf.dispose([matrix, scalar, text]);
  });

  it('leaks no tensors, on success or on error', () => {
    const labels = tf.tensor1d([0, 1, 2], 'int32');
    expect(leaked(() => toCategorical(labels))).toBe(0);
    expect(leaked(() => toCategorical([4, 2], 5))).toBe(0);
    expect(
      leaked(() => {
        expect(() => toCategorical(labels, 2)).toThrow('labels[2] is 2');
      }),
    ).toBe(0);
    labels.dispose();
  });
});
