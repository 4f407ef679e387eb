import { Flatten, Sequential } from '@lab/models';
import { gaussianFilter, meanFilter, medianFilter } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkOnnxModel } from './check-onnx.js';
import type { ImagePreprocessing } from './image-to-onnx.js';
import { maxAbsDiff, runOnnx } from './test/ort.js';
import { toOnnx } from './to-onnx.js';

// Reference: @lab/preprocess's filters (themselves equal to scipy.ndimage's, mode 'reflect', in
// that package's tests) applied to pixels / scale, as `lab train --denoise` and `lab predict` do.
async function preprocessed(pre: ImagePreprocessing, shape: [number, number, number], count = 3): Promise<{ got: Float32Array; want: Float32Array }> {
  const model = new Sequential([new Flatten({ inputShape: shape })]);
  model.build();
  const pixels = tf.tidy(() => tf.round(tf.randomUniform([count, ...shape], 0, 255, 'float32', 11)));
  const want = tf.tidy(() => {
    const scaled = tf.div(pixels, pre.scale);
    const d = pre.denoise;
    const filtered = !d ? scaled : d.filter === 'gaussian' ? gaussianFilter(scaled, { sigma: d.value }) : d.filter === 'median' ? medianFilter(scaled, { size: d.value }) : meanFilter(scaled, { size: d.value });
    return tf.reshape(filtered, [count, -1]);
  });
  const { bytes, inputs } = await toOnnx(model, { preprocessing: pre });
  checkOnnxModel(bytes);
  expect(inputs.map((i) => i.name)).toEqual(['pixels']);
  const out = await runOnnx(bytes, { pixels: { data: (await pixels.data()) as Float32Array, dims: [count, ...shape] } });
  const result = { got: out.output!.data as Float32Array, want: (await want.data()) as Float32Array };
  tf.dispose([pixels, want]);
  model.dispose();
  return result;
}

describe('toOnnx: image preprocessing in the graph equals lab', () => {
  it('pixel scaling alone', async () => {
    const { got, want } = await preprocessed({ scale: 255 }, [6, 5, 1]);
    expect(maxAbsDiff(got, want)).toBe(0);
  });
  for (const size of [2, 3, 4, 7]) {
    it(`mean filter size ${size} (even sizes keep scipy's centring)`, async () => {
      const { got, want } = await preprocessed({ scale: 255, denoise: { filter: 'mean', value: size } }, [9, 6, 2]);
      expect(maxAbsDiff(got, want)).toBeLessThan(1e-6);
    });
    it(`median filter size ${size}: the same pixel values exactly`, async () => {
      const { got, want } = await preprocessed({ scale: 255, denoise: { filter: 'median', value: size } }, [7, 8, 1]);
      expect(maxAbsDiff(got, want)).toBe(0);
    });
  }
  for (const sigma of [0.5, 1, 2.5]) {
    it(`gaussian filter sigma ${sigma}`, async () => {
      const { got, want } = await preprocessed({ scale: 100, denoise: { filter: 'gaussian', value: sigma } }, [12, 10, 1]);
      expect(maxAbsDiff(got, want)).toBeLessThan(1e-6);
    });
  }
  it('a window wider than the image reflects as scipy does', async () => {
    const { got, want } = await preprocessed({ scale: 255, denoise: { filter: 'mean', value: 9 } }, [3, 4, 1]);
    expect(maxAbsDiff(got, want)).toBeLessThan(1e-6);
  });
  it('bad preprocessing is an error naming it', async () => {
    const model = new Sequential([new Flatten({ inputShape: [4] })]);
    model.build();
    await expect(toOnnx(model, { preprocessing: { scale: 255 } })).rejects.toThrow(/images \[height, width, channels\]/);
    await expect(toOnnx(model, { preprocessing: 'pixels' as never })).rejects.toThrow(/preprocessing must be/);
    model.dispose();
  });
});
