import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { toLabels } from './to-labels.js';

function labels(...args: Parameters<typeof toLabels>): number[] {
  return tf.tidy(() => Array.from(toLabels(...args).dataSync()));
}

describe('toLabels', () => {
  it('takes the argmax over the last axis of [N, C] scores', () => {
    const probabilities = tf.tensor2d([[0.1, 0.7, 0.2], [0.6, 0.3, 0.1], [0, 0.1, 0.9]]);
    expect(labels(probabilities)).toEqual([1, 0, 2]);
    const logits = tf.tensor2d([[-3, 2.5], [4, -1]]);
    expect(labels(logits)).toEqual([1, 0]);
    tf.dispose([probabilities, logits]);
  });

  it('passes int32 and bool labels through, 1-D or [N, 1]', () => {
    const ints = tf.tensor1d([3, 0, 9], 'int32');
    const column = tf.tensor2d([[4], [1]], [2, 1], 'int32');
    const bools = tf.tensor1d([true, false], 'bool');
    expect(labels(ints)).toEqual([3, 0, 9]);
    expect(labels(column)).toEqual([4, 1]);
    expect(labels(bools)).toEqual([1, 0]);
    tf.dispose([ints, column, bools]);
  });

  it('thresholds float probabilities strictly (p > 0.5), 1-D or [N, 1]', () => {
    const p = tf.tensor1d([0.2, 0.5, 0.51, 1, 0]);
    const column = tf.tensor2d([[0.9], [0.1]]);
    expect(labels(p)).toEqual([0, 0, 1, 1, 0]);
    expect(labels(column)).toEqual([1, 0]);
    expect(labels(p, { threshold: 0.15 })).toEqual([1, 1, 1, 1, 0]);
    tf.dispose([p, column]);
  });

  it('reads float labels above 1 as labels, so tf.tensor1d([...]) needs no cast', () => {
    const floats = tf.tensor1d([0, 1, 2, 9]);
    expect(floats.dtype).toBe('float32');
    expect(labels(floats)).toEqual([0, 1, 2, 9]);
    floats.dispose();
  });

  it('reads JS arrays: integers as labels, fractions as binary probabilities', () => {
    expect(labels([2, 0, 1])).toEqual([2, 0, 1]);
    expect(labels(new Uint8Array([7, 3]))).toEqual([7, 3]);
    expect(labels([0.2, 0.8, 1])).toEqual([0, 1, 1]);
  });

  it('returns a new int32 tensor and leaves the input alone', () => {
    const ints = tf.tensor1d([1, 2], 'int32');
    const out = toLabels(ints);
    expect(out.dtype).toBe('int32');
    expect(out).not.toBe(ints);
    out.dispose();
    expect(ints.isDisposed).toBe(false);
    ints.dispose();
  });

  it('rejects shapes, dtypes, values and thresholds it cannot read', () => {
    const scalar = tf.scalar(1);
    const cube = tf.zeros([2, 3, 4]);
    const noClasses = tf.zeros([2, 0]);
    const text = tf.tensor1d(['a']);
    expect(() => toLabels(scalar, {}, 'yPred')).toThrow('yPred must be 1-D labels or probabilities, [N, 1] probabilities or [N, C] scores; got shape []');
    expect(() => toLabels(cube)).toThrow('got shape [2, 3, 4]');
    expect(() => toLabels(noClasses)).toThrow('labels has no classes: shape [2, 0]');
    expect(() => toLabels(text)).toThrow('must be numeric or bool, got dtype string');
    expect(() => toLabels([1, Number.NaN], {}, 'yTrue')).toThrow('yTrue[1] is NaN');
    expect(() => toLabels([1], { threshold: 1 })).toThrow('threshold must be a number in [0, 1), got 1');
    expect(() => toLabels([1], { threshold: -0.1 })).toThrow('got -0.1');
    tf.dispose([scalar, cube, noClasses, text]);
  });

  it('leaks no tensors, on success or on error', () => {
    const p = tf.tensor2d([[0.9], [0.1]]);
    const scores = tf.tensor2d([[1, 2], [3, 0]]);
    const floats = tf.tensor1d([0.3, 4]);
    expect(leaked(() => toLabels(p))).toBe(0);
    expect(leaked(() => toLabels(scores))).toBe(0);
    expect(leaked(() => toLabels(floats))).toBe(0);
    expect(leaked(() => toLabels([0.5, 3]))).toBe(0);
    const failing = tf.tensor3d([[[1]]]);
    expect(
      leaked(() => {
        expect(() => toLabels([Number.POSITIVE_INFINITY])).toThrow('labels[0] is Infinity');
        expect(() => toLabels(failing)).toThrow('got shape [1, 1, 1]');
      }),
    ).toBe(0);
    failing.dispose();
    tf.dispose([p, scores, floats]);
  });
});
