import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/scale-pixels.json' with { type: 'json' };
import { scalePixels } from './scale-pixels.js';

const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i);

describe('scalePixels', () => {
  it("gives numpy's (x / 255).astype(float32) for every uint8 value", () => {
    const scaled = scalePixels(allBytes, { shape: [256] });
    expect(scaled.dtype).toBe('float32');
    expect(Array.from(scaled.dataSync())).toEqual(fixture.scaled);
    scaled.dispose();
  });

  it('takes tensors of any numeric dtype and keeps their shape', () => {
    const asInt = tf.tensor2d([[0, 51], [102, 255]], [2, 2], 'int32');
    const asFloat = tf.tensor3d([[[0], [255]]]);
    const a = scalePixels(asInt);
    const b = scalePixels(asFloat);
    expect(a.shape).toEqual([2, 2]);
    expect(b.shape).toEqual([1, 2, 1]);
    // 51 / 255 = 0.2 exactly in reals; the float32 nearest to it.
    expect(Array.from(a.dataSync())).toEqual([0, Math.fround(0.2), Math.fround(0.4), 1]);
    expect(Array.from(b.dataSync())).toEqual([0, 1]);
    expect(asInt.isDisposed).toBe(false);
    tf.dispose([asInt, asFloat, a, b]);
  });

  it('reshapes with the shape option and divides by the scale option', () => {
    const images = tf.tensor3d([[[0, 2], [4, 8]]], [1, 2, 2], 'int32');
    const flat = scalePixels(images, { shape: [1, 4], scale: 8 });
    expect(flat.shape).toEqual([1, 4]);
    expect(Array.from(flat.dataSync())).toEqual([0, 0.25, 0.5, 1]);
    const clamped = scalePixels(new Uint8ClampedArray([255, 0]), { shape: [2, 1] });
    expect(Array.from(clamped.dataSync())).toEqual([1, 0]);
    tf.dispose([images, flat, clamped]);
  });

  it('names both sides when the shape does not fit', () => {
    const images = tf.zeros([2, 2]);
    const bytes = new Uint8Array(784);
    expect(() => scalePixels(bytes)).toThrow('scalePixels: a Uint8Array of length 784 needs a shape option, e.g. { shape: [784] }');
    expect(() => scalePixels(bytes, { shape: [28, 28, 3] })).toThrow(
      'scalePixels: a Uint8Array of length 784 does not fit shape [28, 28, 3] (size 2352)',
    );
    expect(() => scalePixels(images, { shape: [5] })).toThrow(
      'scalePixels: a tensor of shape [2, 2] (size 4) does not fit shape [5] (size 5)',
    );
    expect(() => scalePixels(bytes, { shape: [-1, 28] })).toThrow('scalePixels: shape [-1, 28] has dimension -1 at axis 0');
    tf.dispose(images);
  });

  it('rejects a bad scale and non-numeric tensors', () => {
    const text = tf.tensor1d(['a']);
    expect(() => scalePixels(allBytes, { shape: [256], scale: 0 })).toThrow('scalePixels: scale must be a finite number > 0, got 0');
    expect(() => scalePixels(allBytes, { shape: [256], scale: Number.NaN })).toThrow('got NaN');
    expect(() => scalePixels(text)).toThrow('scalePixels: x must be a numeric tensor, got dtype string');
    text.dispose();
  });

  it('leaks no tensors', () => {
    const images = tf.tensor2d([[1, 2], [3, 4]], [2, 2], 'int32');
    expect(leaked(() => scalePixels(images))).toBe(0);
    expect(leaked(() => scalePixels(images, { shape: [4] }))).toBe(0);
    expect(leaked(() => scalePixels(allBytes, { shape: [16, 16] }))).toBe(0);
    images.dispose();
  });
});
