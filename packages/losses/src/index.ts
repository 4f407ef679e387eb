// The whole public surface of @lab/losses.
export {
  type CategoricalCrossentropyOptions,
  categoricalCrossentropy,
  EPSILON,
} from './categorical-crossentropy.js';
export { getLoss, LOSS_NAMES, type LossName } from './get-loss.js';
export { type MeanSquaredErrorOptions, meanSquaredError } from './mean-squared-error.js';
export { REDUCTIONS, type Reduction } from './reduction.js';
export type { LossFn } from './types.js';
