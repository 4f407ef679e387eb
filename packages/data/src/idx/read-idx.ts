import { IDX_TYPES } from './idx-dtype.js';
import { idxError } from './idx-error.js';
import type { IdxHeader } from './idx-header.js';
import { checkIdxOptions, decodeIdx, type ParseIdxOptions } from './parse-idx.js';

/** Images decoded from an IDX image file (MNIST layout). */
export interface IdxImages {
  /** Number of images. */
  count: number;
  /** Height of each image in pixels. */
  rows: number;
  /** Width of each image in pixels. */
  cols: number;
  /** `count * rows * cols` pixels, image after image, each row-major; MNIST uses 0 for background, 255 for ink. */
  pixels: Uint8Array;
}

// Magic = type code << 8 | number of dims: 0x0803 is uint8 in 3 dims, 0x0801 uint8 in 1 dim.
const MAGIC_NAMES: ReadonlyMap<number, string> = new Map([
  [2051, 'images'],
  [2049, 'labels'],
]);

/**
 * Reads an IDX image file such as `train-images-idx3-ubyte(.gz)`, raw or gzip-compressed.
 * @throws DataError naming the file when its magic number is not 2051 (uint8, 3 dims), or for
 *   any of the faults {@link parseIdx} reports
 */
export function readIdxImages(bytes: Uint8Array, options: ParseIdxOptions = {}): IdxImages {
  checkIdxOptions('readIdxImages', options);
  const { shape, data } = decodeIdx(bytes, options.name, expectMagic(2051, options.name));
  const [count, rows, cols] = shape as [number, number, number];
  return { count, rows, cols, pixels: data as Uint8Array };
}

/**
 * Reads an IDX label file such as `train-labels-idx1-ubyte(.gz)`, raw or gzip-compressed: one
 * uint8 label per item (MNIST: digits 0-9; values are not range-checked).
 * @throws DataError naming the file when its magic number is not 2049 (uint8, 1 dim), or for any
 *   of the faults {@link parseIdx} reports
 */
export function readIdxLabels(bytes: Uint8Array, options: ParseIdxOptions = {}): Uint8Array {
  checkIdxOptions('readIdxLabels', options);
  return decodeIdx(bytes, options.name, expectMagic(2049, options.name)).data as Uint8Array;
}

function expectMagic(magic: number, name: string | undefined): (header: IdxHeader) => void {
  return (header) => {
    if (header.magic !== magic) {
      const expected = `${magic} (${MAGIC_NAMES.get(magic)})`;
      throw idxError(name, `wrong magic number ${describeMagic(header.magic)}, expected ${expected}`);
    }
  };
}

function describeMagic(magic: number): string {
  const dtype = IDX_TYPES.get((magic >>> 8) & 0xff)?.dtype ?? 'unknown type';
  const rank = magic & 0xff;
  const known = MAGIC_NAMES.get(magic);
  return `${magic} (${known === undefined ? '' : `${known}: `}${dtype}, ${rank} dim${rank === 1 ? '' : 's'})`;
}
