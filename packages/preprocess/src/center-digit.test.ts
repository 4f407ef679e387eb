import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centerDigit } from './center-digit.js';

/** A `size`² black image with a white `w × h` rectangle at (x, y). */
function rect(size: number, x: number, y: number, w: number, h: number, ink = 255, background = 0) {
  const pixels = new Float32Array(size * size).fill(background);
  for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) pixels[j * size + i] = ink;
  return { width: size, height: size, pixels };
}

/** Bounding box and centre of mass of a 28×28 output. */
function measure(out: Float32Array) {
  let [x0, y0, x1, y1, mass, mx, my] = [28, 28, -1, -1, 0, 0, 0];
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = out[y * 28 + x]!;
      if (v <= 0) continue;
      [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
      mass += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return { w: x1 - x0 + 1, h: y1 - y0 + 1, cx: mx / mass, cy: my / mass };
}

describe('centerDigit (MNIST-style centring)', () => {
  it('scales the ink box to fit 20×20 keeping the aspect ratio, centre of mass at (14, 14)', () => {
    const { w, h, cx, cy } = measure(centerDigit(rect(280, 10, 20, 60, 100)));
    expect(h).toBe(20);
    expect(w).toBe(12);
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5);
  });

  it('inverts black ink on white paper (auto), not when told not to; normalize lifts the peak to 255', () => {
    const paper = rect(100, 30, 30, 20, 40, 0, 255);
    const out = centerDigit(paper);
    expect(Math.max(...out)).toBe(255);
    expect(measure(out).h).toBe(20);
    // Not inverted, the white paper itself is the "ink": its box is the whole square.
    expect(measure(centerDigit(paper, { invert: false }))).toMatchObject({ w: 20, h: 20 });
    const faint = centerDigit(rect(50, 10, 10, 20, 20, 100), { normalize: true });
    expect(Math.max(...faint)).toBeCloseTo(255, 4);
  });

  it('gives zeros without ink, and never leaves [0, 255] (property)', () => {
    expect(centerDigit(rect(40, 0, 0, 0, 0)).every((v) => v === 0)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (size, seed) => {
        let s = seed;
        const next = () => {
          s = (s * 1103515245 + 12345) >>> 0;
          return s % 256;
        };
        const pixels = Float32Array.from({ length: size * size }, next);
        const out = centerDigit({ width: size, height: size, pixels });
        return out.length === 784 && out.every((v) => v >= 0 && v <= 255.0001);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('names the image or option at fault', () => {
    expect(() => centerDigit({ width: 3, height: 3, pixels: [1, 2] })).toThrow('centerDigit: image data has 2 values, expected 3×3');
    expect(() => centerDigit({ width: 0, height: 3, pixels: [] })).toThrow('width and height must be positive integers');
    expect(() => centerDigit(rect(4, 0, 0, 1, 1), { inverted: true } as never)).toThrow("unknown option 'inverted' (did you mean 'invert'?)");
  });
});
