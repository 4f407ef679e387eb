/** The four MNIST files by their original, uncompressed names: train images and labels, then test. */
export const MNIST_FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;

/** The name of one of the four MNIST files. */
export type MnistFileName = (typeof MNIST_FILES)[number];

/**
 * SHA-256 (lowercase hex) of each MNIST file's decompressed bytes, the originals published by
 * LeCun et al. Hashing the decompressed bytes makes one table serve `.gz` and raw copies alike.
 */
export const MNIST_SHA256: Readonly<Record<MnistFileName, string>> = {
  'train-images-idx3-ubyte': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  'train-labels-idx1-ubyte': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  't10k-labels-idx1-ubyte': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
};
