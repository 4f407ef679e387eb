// The browser-safe public surface of @lab/data. Node-only loaders live in '@lab/data/node'.
export { DataError, type DataErrorDetails } from './data-error.js';
export type { IdxArrays, IdxDtype, IdxTensor } from './idx/idx-dtype.js';
export { type ParseIdxOptions, parseIdx } from './idx/parse-idx.js';
export { type IdxImages, readIdxImages, readIdxLabels } from './idx/read-idx.js';
export { MNIST_FILES, MNIST_SHA256, type MnistFileName } from './mnist-files.js';
export { type MnistSplit, type ReadMnistSplitOptions, readMnistSplit } from './mnist-split.js';
