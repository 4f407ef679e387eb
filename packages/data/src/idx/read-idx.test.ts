import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { idxBytes, imagesIdx, labelsIdx } from '../test/idx-fixtures.js';
import { readIdxImages, readIdxLabels } from './read-idx.js';

describe('readIdxImages', () => {
  it('reads count, rows, cols and row-major pixels, raw or gzipped', () => {
    const bytes = imagesIdx(3, 2, 4);
    const expected = { count: 3, rows: 2, cols: 4, pixels: Uint8Array.from({ length: 24 }, (_, i) => i) };
    expect(readIdxImages(bytes)).toEqual(expected);
    expect(readIdxImages(gzipSync(bytes))).toEqual(expected);
  });

  it('rejects a label file, saying what it found and what it expected', () => {
    expect(() => readIdxImages(labelsIdx([1, 2]), { name: 'l.idx' })).toThrow(
      'l.idx: wrong magic number 2049 (labels: uint8, 1 dim), expected 2051 (images)',
    );
  });

  it('rejects images of another type before reading their data', () => {
    // float32 in 3 dims is magic 0x0D03; the body is cut short, yet the magic is what is reported.
    const floats = idxBytes(0x0d, [1, 2, 2], [0, 0, 0, 0]).subarray(0, 20);
    expect(() => readIdxImages(floats, { name: 'f.idx' })).toThrow(
      'f.idx: wrong magic number 3331 (float32, 3 dims), expected 2051 (images)',
    );
  });
});

describe('readIdxLabels', () => {
  it('reads one uint8 per label, raw or gzipped', () => {
    expect(readIdxLabels(labelsIdx([5, 0, 4]))).toEqual(new Uint8Array([5, 0, 4]));
    expect(readIdxLabels(gzipSync(labelsIdx([7, 2])))).toEqual(new Uint8Array([7, 2]));
  });

  it('rejects an image file', () => {
    expect(() => readIdxLabels(imagesIdx(1, 2, 2), { name: 'i.idx' })).toThrow(
      'i.idx: wrong magic number 2051 (images: uint8, 3 dims), expected 2049 (labels)',
    );
  });
});
