// The whole public surface of @lab/losses.
export { type BinaryCrossentropyOptions, binaryCrossentropy, type ProbabilityClipping } from './binary-crossentropy.js';
export { type CategoricalCrossentropyOptions, categoricalCrossentropy } from './categorical-crossentropy.js';
export { EPSILON } from './epsilon.js';
export { getLoss, LOSS_NAMES, type LossName } from './get-loss.js';
export { type HuberOptions, huber } from './huber.js';
export { type MeanAbsoluteErrorOptions, meanAbsoluteError } from './mean-absolute-error.js';
export { type MeanSquaredErrorOptions, meanSquaredError } from './mean-squared-error.js';
export { REDUCTIONS, type Reduction } from './reduction.js';
export {
  type SparseCategoricalCrossentropyOptions,
  sparseCategoricalCrossentropy,
} from './sparse-categorical-crossentropy.js';
export type { LossFn, LossOptions } from './types.js';
