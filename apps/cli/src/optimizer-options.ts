import { exponentialDecay, type GradientTransformation, getOptimizer, OPTIMIZER_NAMES } from '@lab/optim';

/** The optimizer flags of `lab train`. */
export interface OptimizerFlags {
  optimizer: string;
  /** Default: the optimizer's Keras default (0.01 for the SGD family, 0.001 otherwise). */
  learningRate?: number;
  lrSchedule: 'constant' | 'exponential';
  decayRate: number;
  decaySteps: number;
  staircase: boolean;
}

/** The optimizer names `--optimizer` accepts. */
export const OPTIMIZERS: readonly string[] = OPTIMIZER_NAMES;

/** The learning rate an optimizer starts from: the flag, or Keras' default for it. */
export function initialLearningRate(flags: OptimizerFlags): number {
  return flags.learningRate ?? (['sgd', 'momentum', 'nesterov'].includes(flags.optimizer) ? 0.01 : 0.001);
}

/**
 * Builds the optimizer the flags describe; `--lr-schedule exponential` decays the rate every
 * step as `lr · decayRate^(step / decaySteps)` (floored exponent with `--staircase`), optax/Keras'
 * `exponential_decay`.
 */
export function makeOptimizer(flags: OptimizerFlags): GradientTransformation {
  const initialValue = initialLearningRate(flags);
  const learningRate =
    flags.lrSchedule === 'exponential'
      ? exponentialDecay({ initialValue, transitionSteps: flags.decaySteps, decayRate: flags.decayRate, staircase: flags.staircase })
      : initialValue;
  return getOptimizer(flags.optimizer, { learningRate });
}
