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

/** The options that set the learning rate or its schedule; setting any of them turns off an architecture's own default. */
export const LEARNING_RATE_FLAGS = ['learningRate', 'lrSchedule', 'decayRate', 'decaySteps', 'staircase'] as const;

/**
 * The learning rate of `--model cnn` with Adam when no learning-rate flag is given: 0.005, halved
 * every 1000 steps (exponential decay, continuous). The convnet underfits in a few epochs at
 * Keras' constant 0.001 (0.988 test accuracy after 3 epochs at batch 64); this schedule reaches
 * 0.99 on every seed measured (apps/cli/README.md has the table and the PyTorch figure).
 */
export const CNN_LEARNING_RATE = { learningRate: 0.005, lrSchedule: 'exponential', decayRate: 0.5, decaySteps: 1000, staircase: false } as const satisfies Partial<OptimizerFlags>;

/**
 * The flags with the architecture's default learning rate filled in: for `--model cnn` with Adam
 * and none of {@link LEARNING_RATE_FLAGS} set (`explicit` lists those the user set),
 * {@link CNN_LEARNING_RATE}; otherwise the flags unchanged. `modelDefault` says which happened.
 */
export function withModelLearningRate<T extends OptimizerFlags>(flags: T & { model: string; explicit?: readonly string[] }): T & { modelDefault?: boolean } {
  const chosen = LEARNING_RATE_FLAGS.some((k) => flags.explicit?.includes(k));
  if (flags.model !== 'cnn' || flags.optimizer !== 'adam' || chosen) return flags;
  return { ...flags, ...CNN_LEARNING_RATE, modelDefault: true };
}

/** The learning rate as the settings line prints it: `0.005, decaying ×0.5 every 1000 steps`. */
export function describeLearningRate(flags: OptimizerFlags & { modelDefault?: boolean }): string {
  const schedule = flags.lrSchedule === 'exponential' ? `, decaying ×${flags.decayRate} every ${flags.decaySteps} steps${flags.staircase ? ' (staircase)' : ''}` : '';
  return `${initialLearningRate(flags)}${schedule}${flags.modelDefault ? ' (the cnn default)' : ''}`;
}

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
