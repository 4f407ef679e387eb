// The whole public surface of @lab/optim.
export { type AdagradOptions, adagrad } from './adagrad.js';
export { type AdamOptions, adam } from './adam.js';
export { type AdamwOptions, adamw } from './adamw.js';
export { type AddDecayedWeightsOptions, addDecayedWeights } from './add-decayed-weights.js';
export { applyGradients } from './apply-gradients.js';
export { applyUpdates } from './apply-updates.js';
export { type ChainState, chain } from './chain.js';
export { clipByGlobalNorm } from './clip-by-global-norm.js';
export { clipByValue } from './clip-by-value.js';
export { type CosineDecayOptions, cosineDecay } from './cosine-decay.js';
export { type ExponentialDecayOptions, exponentialDecay } from './exponential-decay.js';
export { getOptimizer, OPTIMIZER_NAMES, type OptimizerName } from './get-optimizer.js';
export { join } from './join.js';
export { LayersOptimizer } from './layers-optimizer.js';
export { learningRateOf } from './learning-rate-of.js';
export { type LinearWarmupOptions, linearWarmup } from './linear-warmup.js';
export { type PiecewiseConstantOptions, piecewiseConstant } from './piecewise-constant.js';
export { type RmspropOptions, rmsprop } from './rmsprop.js';
export { scale } from './scale.js';
export { setLearningRate } from './set-learning-rate.js';
export { type ScaleByAdamOptions, type ScaleByAdamState, scaleByAdam } from './scale-by-adam.js';
export {
  type ScaleByLearningRateOptions,
  type ScaleByLearningRateState,
  scaleByLearningRate,
} from './scale-by-learning-rate.js';
export { type ScaleByRmsOptions, type ScaleByRmsState, scaleByRms } from './scale-by-rms.js';
export { type ScaleByRssOptions, type ScaleByRssState, scaleByRss } from './scale-by-rss.js';
export { constant, type Schedule } from './schedule.js';
export { type SgdOptions, sgd } from './sgd.js';
export { type StepDecayOptions, stepDecay } from './step-decay.js';
export { type TraceOptions, type TraceState, trace } from './trace.js';
export { fuse } from './fusion.js';
export type { EmptyState, Fusable, GradientTransformation, Params, UpdateResult } from './types.js';
