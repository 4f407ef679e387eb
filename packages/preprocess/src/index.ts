export { argpartition } from './argpartition.js';
export { BOUNDARY_MODES, type BoundaryMode, boundaryIndex } from './boundary-mode.js';
export { type CastDtype, type CastOptions, cast } from './cast.js';
export type { Category } from './categories.js';
export { DEFAULT_MISSING, formatCell, parseCell } from './cells.js';
export { type CsvReadOptions, type CsvWriteOptions, formatCsv, parseCsv } from './csv.js';
export type { BoundaryOptions } from './filter-options.js';
export { type GaussianFilterOptions, gaussianFilter, gaussianKernel } from './gaussian-filter.js';
export { formatJsonTable, parseJsonTable } from './json-table.js';
export { KNNImputer, type KNNImputerOptions } from './knn-imputer.js';
export { LabelEncoder } from './label-encoder.js';
export type { Matrix, MatrixArray, MatrixInput, MatrixOutput } from './matrix.js';
export { type MeanFilterOptions, meanFilter } from './mean-filter.js';
export { type MedianFilterOptions, medianFilter } from './median-filter.js';
export { MaxAbsScaler } from './max-abs-scaler.js';
export { MinMaxScaler, type MinMaxScalerOptions } from './min-max-scaler.js';
export { nanEuclidean } from './nan-euclidean.js';
export { OneHotEncoder, type OneHotEncoderOptions } from './one-hot-encoder.js';
export { normalQuantile, percentile, RobustScaler, type RobustScalerOptions } from './robust-scaler.js';
export { Pipeline, type PipelineJSON, type PipelineStep } from './pipeline.js';
export { type PixelsInput, type ScalePixelsOptions, scalePixels } from './scale-pixels.js';
export { type ImputeStrategy, SimpleImputer, type SimpleImputerOptions } from './simple-imputer.js';
export { StandardScaler, type StandardScalerOptions } from './standard-scaler.js';
export { type ColumnKind, type ColumnSpec, coerceTable, type InferColumnKindsOptions, inferColumnKinds } from './table-columns.js';
export { TablePreprocessing, type TablePreprocessingJSON, type TablePreprocessingOptions } from './table-preprocessing.js';
export {
  type CategoricalColumnOptions,
  ColumnTransformer,
  type ColumnTransformerJSON,
  type ColumnTransformerOptions,
  type NumericColumnOptions,
} from './table-transformer.js';
export { type InferTaskOptions, inferTask, type TableColumn, TableTarget, type TableTargetJSON, type TableTask } from './table-target.js';
export { rowCount, rowsToTable, type Table, tableToRows, tableToTensor, tensorToTable } from './table.js';
export { type CenterDigitOptions, centerDigit, type GreyImage } from './center-digit.js';
export { type ToCategoricalOptions, toCategorical } from './to-categorical.js';
export { isTable, Transformer, type TransformerJSON } from './transformer.js';
export { formatTxt, parseTxt, type TxtReadOptions } from './txt.js';
