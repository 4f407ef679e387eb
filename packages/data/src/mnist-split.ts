import { checkOptions, string } from '@lab/core';
import { DataError } from './data-error.js';
import { readIdxImages, readIdxLabels } from './idx/read-idx.js';

/** One split of an MNIST-style data set: images with one label each. */
export interface MnistSplit {
  /** `count * rows * cols` pixels, image after image, each row-major; 0 = background, 255 = ink. */
  images: Uint8Array;
  /** `count` labels, one per image (MNIST: digits 0-9). */
  labels: Uint8Array;
  /** Number of images (and labels). */
  count: number;
  /** Image height in pixels (MNIST: 28). */
  rows: number;
  /** Image width in pixels (MNIST: 28). */
  cols: number;
}

/** File names for {@link readMnistSplit}'s error messages. */
export interface ReadMnistSplitOptions {
  /** Name of the image file. Default: none. */
  imagesName?: string;
  /** Name of the label file. Default: none. */
  labelsName?: string;
}

/**
 * Reads a pair of IDX files, images (magic 2051) and labels (magic 2049), raw or gzip-compressed,
 * into one split.
 * @throws DataError when either file is malformed or the two counts differ
 */
export function readMnistSplit(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  options: ReadMnistSplitOptions = {},
): MnistSplit {
  checkOptions('readMnistSplit', options, { imagesName: string(), labelsName: string() });
  const { imagesName, labelsName } = options;
  const { count, rows, cols, pixels } = readIdxImages(imageBytes, { name: imagesName });
  const labels = readIdxLabels(labelBytes, { name: labelsName });
  if (labels.length !== count) {
    throw new DataError(
      `${labelsName ?? 'labels'}: has ${labels.length} labels but ${imagesName ?? 'the images'} has ${count} images`,
      { file: labelsName },
    );
  }
  return { images: pixels, labels, count, rows, cols };
}
