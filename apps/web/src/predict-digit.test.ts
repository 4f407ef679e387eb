import { expectNoLeak } from '@lab/testing';
import { describe, expect, it } from 'vitest';
import { createLessonModel } from './lesson-model.js';
import { argmax, predictDigit } from './predict-digit.js';

/** The page's input without a canvas: a 4-pixel-wide vertical bar on rows 4–23. */
function verticalBar(): Uint8Array {
  const pixels = new Uint8Array(28 * 28);
  for (let row = 4; row < 24; row++) pixels.fill(255, row * 28 + 12, row * 28 + 16);
  return pixels;
}

describe('predictDigit', () => {
  it('gives a distribution over the 10 digits and leaks no tensor', async () => {
    const model = createLessonModel();
    const prediction = await predictDigit(model, verticalBar());
    expect(prediction.probabilities).toHaveLength(10);
    expect(prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(prediction.argmax).toBe(argmax(prediction.probabilities));
    expect(prediction.numTensorsAfter).toBe(prediction.numTensorsBefore);
    model.dispose();
  });

  it('gives the same numbers for the same seed', async () => {
    const [a, b] = [createLessonModel({ seed: 7 }), createLessonModel({ seed: 7 })];
    const [pa, pb] = [await predictDigit(a, verticalBar()), await predictDigit(b, verticalBar())];
    expect(pa.probabilities).toEqual(pb.probabilities);
    a.dispose();
    b.dispose();
  });

  it('rejects an image of the wrong size, leaking nothing', async () => {
    const model = createLessonModel();
    await expectNoLeak(async () => {
      await expect(predictDigit(model, new Uint8Array(27 * 28))).rejects.toThrow();
    });
    model.dispose();
  });
});

describe('argmax', () => {
  it('returns the first index of the largest value', () => {
    expect(argmax([0.1, 0.7, 0.2])).toBe(1);
    expect(argmax([0.5, 0.5])).toBe(0);
    expect(argmax([3])).toBe(0);
  });
});
