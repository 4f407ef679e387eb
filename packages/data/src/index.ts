// The browser-safe public surface of @lab/data. Node-only loaders live in '@lab/data/node'.
export { DataError, type DataErrorDetails } from './data-error.js';
export type { IdxArrays, IdxDtype, IdxTensor } from './idx/idx-dtype.js';
export { encodeIdxUint8 } from './idx/encode-idx.js';
export { type ParseIdxOptions, parseIdx } from './idx/parse-idx.js';
export { type IdxImages, readIdxImages, readIdxLabels } from './idx/read-idx.js';
export { MNIST_FILES, MNIST_SHA256, type MnistFileName } from './mnist-files.js';
export { type MnistSplit, type ReadMnistSplitOptions, readMnistSplit } from './mnist-split.js';
export { Random } from '@lab/core';
export {
  type CrossValidatable,
  type CrossValidateOptions,
  type CrossValidationResult,
  crossValidate,
  crossValidateFolds,
  type FoldMetric,
  type FoldResult,
} from './split/cross-validate.js';
export type { Fold, SplitData } from './split/fold.js';
export { type GroupKFoldOptions, groupKFold } from './split/group-k-fold.js';
export { type KFoldOptions, kFold } from './split/k-fold.js';
export { type RepeatedKFoldOptions, repeatedKFold, repeatedStratifiedKFold } from './split/repeated-k-fold.js';
export { shuffleSplit } from './split/shuffle-split.js';
export { type ShuffleSplitOptions, stratifiedShuffleSplit } from './split/stratified-shuffle-split.js';
export { stratifiedKFold } from './split/stratified-k-fold.js';
export { type TimeSeriesSplitOptions, timeSeriesSplit } from './split/time-series-split.js';
export { type TypedArray, takeRows } from './split/take-rows.js';
export { type TrainTestSplitOptions, trainTestSplit } from './split/train-test-split.js';
