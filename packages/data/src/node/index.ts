// The Node-only public surface of @lab/data, exported as '@lab/data/node'.
export { defaultMnistCacheDir } from './cache-dir.js';
export { type IdxDataset, loadIdxDataset } from './load-idx-dataset.js';
export { loadMnist } from './load-mnist.js';
export {
  DEFAULT_MNIST_MIRRORS,
  DEFAULT_MNIST_TIMEOUT_MS,
  type LoadMnistOptions,
  type MnistProgressEvent,
} from './load-mnist-options.js';
export type { Mnist, MnistSource, MnistSourceKind } from './mnist-source.js';
export { type MnistFiles, resolveMnistFiles } from './resolve-mnist-files.js';
export type { MnistPaths } from './scan-mnist-dir.js';
