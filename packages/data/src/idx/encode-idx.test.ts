import { describe, expect, it } from 'vitest';
import { encodeIdxUint8 } from './encode-idx.js';
import { readIdxImages, readIdxLabels } from './read-idx.js';

describe('encodeIdxUint8', () => {
  it('round-trips images and labels through the reader, raw and gzipped', () => {
    const pixels = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => i * 7);
    for (const gzip of [false, true]) {
      const bytes = encodeIdxUint8(pixels, [2, 3, 4], { gzip });
      if (gzip) expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      expect(readIdxImages(bytes)).toEqual({ count: 2, rows: 3, cols: 4, pixels });
    }
    expect(Array.from(readIdxLabels(encodeIdxUint8(Uint8Array.of(5, 0, 4), [3])))).toEqual([5, 0, 4]);
  });

  it('names the shape that does not fit the data', () => {
    expect(() => encodeIdxUint8(new Uint8Array(5), [2, 3])).toThrow('shape [2, 3] holds 6 values, but data has 5');
  });
});
