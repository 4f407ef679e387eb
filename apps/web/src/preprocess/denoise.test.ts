import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { scalePixels } from '@lab/preprocess';
import { DENOISE_CHOICES, denoiseOf, modelInput, modelMetadata } from './denoise.js';

describe('denoise', () => {
  it('scales, filters and leaks nothing', () => {
    // One 3 × 3 image with a single bright pixel: the median removes it, the mean spreads it.
    const pixels = Uint8Array.from([0, 0, 0, 0, 255, 0, 0, 0, 0]);
    const before = tf.memory().numTensors;
    const plain = modelInput(pixels, 1, 3, 3, undefined);
    const median = modelInput(pixels, 1, 3, 3, DENOISE_CHOICES.median);
    const mean = modelInput(pixels, 1, 3, 3, DENOISE_CHOICES.mean);
    expect(plain.shape).toEqual([1, 3, 3, 1]);
    expect(Math.max(...plain.dataSync())).toBe(1);
    expect(Math.max(...median.dataSync())).toBe(0);
    expect(mean.dataSync()[4]).toBeCloseTo(1 / 9, 6);
    tf.dispose([plain, median, mean]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("scales exactly as @lab/preprocess's scalePixels, for every byte value", () => {
    const pixels = Uint8Array.from({ length: 256 }, (_, i) => i);
    const here = modelInput(pixels, 4, 8, 8, undefined);
    const reference = scalePixels(pixels, { shape: [4, 8, 8, 1] });
    expect(here.shape).toEqual(reference.shape);
    expect(Array.from(here.dataSync())).toEqual(Array.from(reference.dataSync()));
    tf.dispose([here, reference]);
  });

  it('names the counts when the pixels do not fit the shape', () => {
    expect(() => modelInput(new Uint8Array(10), 1, 3, 3, undefined)).toThrow('modelInput: 10 pixels do not make 1 images of 3 × 3 (9 pixels)');
  });

  it('keeps the filter in the model metadata, in the CLI form', () => {
    const metadata = modelMetadata(DENOISE_CHOICES.gaussian);
    expect(metadata.preprocessing).toEqual({ scalePixels: { scale: 255 }, inputShape: [28, 28, 1], denoise: { filter: 'gaussian', sigma: 1 } });
    expect(denoiseOf(metadata)).toEqual({ filter: 'gaussian', sigma: 1 });
    expect(denoiseOf(modelMetadata(undefined))).toBeUndefined();
    expect(denoiseOf({ preprocessing: { denoise: { filter: 'bilateral' } } })).toBeUndefined();
    expect(denoiseOf({})).toBeUndefined();
  });
});
