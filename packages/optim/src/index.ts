// The whole public surface of @lab/optim.
export { type AdamOptions, adam } from './adam.js';
export { applyUpdates } from './apply-updates.js';
export { type ChainState, chain } from './chain.js';
export { type ExponentialDecayOptions, exponentialDecay } from './exponential-decay.js';
export { getOptimizer, OPTIMIZER_NAMES, type OptimizerName } from './get-optimizer.js';
export { scale } from './scale.js';
export { type ScaleByAdamOptions, type ScaleByAdamState, scaleByAdam } from './scale-by-adam.js';
export {
  type ScaleByLearningRateOptions,
  type ScaleByLearningRateState,
  scaleByLearningRate,
} from './scale-by-learning-rate.js';
export { constant, type Schedule } from './schedule.js';
export { type SgdOptions, sgd } from './sgd.js';
export type { EmptyState, GradientTransformation, Params, UpdateResult } from './types.js';
