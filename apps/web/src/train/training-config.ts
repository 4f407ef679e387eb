import { adam, exponentialDecay, type GradientTransformation, type Schedule, sgd } from '@lab/optim';

/** The optimizers the page offers. */
export const OPTIMIZERS = ['adam', 'sgd'] as const;
export type OptimizerChoice = (typeof OPTIMIZERS)[number];

/** Everything the training form sets. */
export interface TrainingConfig {
  /** Units of the hidden Dense layer (the lesson: 128). */
  hiddenUnits: number;
  epochs: number;
  batchSize: number;
  optimizer: OptimizerChoice;
  learningRate: number;
  /** Multiply the learning rate by `decayRate` every `decaySteps` steps (optax's exponential decay); off when false. */
  decay: boolean;
  decayRate: number;
  decaySteps: number;
  /** Fraction of the training images held out for validation, in [0, 1). */
  validationSplit: number;
}

/** The lesson's settings: Keras' `model.fit(x, y, epochs=5, batch_size=64)` with Adam at 0.001. */
export const LESSON_CONFIG: Readonly<TrainingConfig> = {
  hiddenUnits: 128,
  epochs: 5,
  batchSize: 64,
  optimizer: 'adam',
  learningRate: 0.001,
  decay: false,
  decayRate: 0.9,
  decaySteps: 1000,
  validationSplit: 0.1,
};

type Check = (value: number) => boolean;
const positiveInteger: Check = (v) => Number.isInteger(v) && v >= 1;
const RULES: Record<Exclude<keyof TrainingConfig, 'optimizer' | 'decay'>, [Check, string]> = {
  hiddenUnits: [(v) => positiveInteger(v) && v <= 4096, 'an integer from 1 to 4096'],
  epochs: [(v) => positiveInteger(v) && v <= 100, 'an integer from 1 to 100'],
  batchSize: [(v) => positiveInteger(v) && v <= 4096, 'an integer from 1 to 4096'],
  learningRate: [(v) => v > 0 && v <= 10, 'a number in (0, 10]'],
  decayRate: [(v) => v > 0 && v <= 1, 'a number in (0, 1]'],
  decaySteps: [positiveInteger, 'a positive integer'],
  validationSplit: [(v) => v >= 0 && v < 1, 'a number in [0, 1)'],
};

/**
 * Reads the training form's values (strings, as the form gives them; missing ones take the
 * lesson's value) into a config. Throws naming the first field that is out of range.
 */
export function parseTrainingConfig(values: Readonly<Record<string, string | boolean | undefined>>): TrainingConfig {
  const config: TrainingConfig = { ...LESSON_CONFIG };
  for (const [field, [valid, expected]] of Object.entries(RULES) as [keyof typeof RULES, [Check, string]][]) {
    const raw = values[field];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || !valid(value)) throw new Error(`${field}: must be ${expected}, got '${String(raw)}'`);
    config[field] = value;
  }
  const optimizer = values.optimizer ?? config.optimizer;
  if (!(OPTIMIZERS as readonly unknown[]).includes(optimizer)) {
    throw new Error(`optimizer: must be one of ${OPTIMIZERS.join(', ')}, got '${String(optimizer)}'`);
  }
  config.optimizer = optimizer as OptimizerChoice;
  config.decay = values.decay === true || values.decay === 'on' || values.decay === 'true';
  return config;
}

/** The learning rate as a function of the step: constant, or decaying exponentially. */
export function learningRateSchedule(config: TrainingConfig): Schedule {
  if (!config.decay) return () => config.learningRate;
  return exponentialDecay({ initialValue: config.learningRate, transitionSteps: config.decaySteps, decayRate: config.decayRate });
}

/** The optimizer the config asks for, from @lab/optim. */
export function makeOptimizer(config: TrainingConfig): GradientTransformation {
  const learningRate = learningRateSchedule(config);
  return config.optimizer === 'adam' ? adam({ learningRate }) : sgd({ learningRate });
}
