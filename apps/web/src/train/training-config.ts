import { adam, exponentialDecay, type GradientTransformation, type Schedule, sgd } from '@lab/optim';
import { LESSON_SEED } from '../lesson-model.js';
import type { Sequential } from '@lab/models';
import { architectureShapes, buildArchitecture, type LayerSpec, PRESETS, parseArchitecture } from '../model/architecture.js';

/** The optimizers the page offers. */
export const OPTIMIZERS = ['adam', 'sgd'] as const;
export type OptimizerChoice = (typeof OPTIMIZERS)[number];

/** Everything the training form sets. */
export interface TrainingConfig {
  /** The layers before the output layer (see `parseArchitecture`); the lesson's: Flatten, Dense 128 relu. */
  architecture: LayerSpec[];
  /** Seeds the weights, the shuffles and dropout: the same seed on the same backend gives the same run. */
  seed: number;
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
  architecture: parseArchitecture(PRESETS.mlp),
  seed: LESSON_SEED,
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
const RULES: Record<Exclude<keyof TrainingConfig, 'optimizer' | 'decay' | 'architecture'>, [Check, string]> = {
  seed: [(v) => Number.isInteger(v) && v >= 0 && v < 2 ** 31, 'an integer from 0 to 2147483647'],
  epochs: [(v) => positiveInteger(v) && v <= 100, 'an integer from 1 to 100'],
  batchSize: [(v) => positiveInteger(v) && v <= 4096, 'an integer from 1 to 4096'],
  learningRate: [(v) => v > 0 && v <= 10, 'a number in (0, 10]'],
  decayRate: [(v) => v > 0 && v <= 1, 'a number in (0, 1]'],
  decaySteps: [positiveInteger, 'a positive integer'],
  validationSplit: [(v) => v >= 0 && v < 1, 'a number in [0, 1)'],
};

/**
 * Reads the training form's values (strings, as the form gives them, or the page's URL; missing
 * ones take the lesson's value) into a config. Throws naming the first field that is out of
 * range, or the layer at fault in the architecture.
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
  const architecture = values.architecture;
  if (typeof architecture === 'string' && architecture.trim() !== '') {
    try {
      config.architecture = parseArchitecture(architecture);
      architectureShapes(config.architecture);
    } catch (error) {
      throw new Error(`architecture: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
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

/**
 * The model a run trains: the config's architecture, seeded, compiled with its optimizer and
 * categorical cross-entropy, with the accuracy metric unless `metrics` is false (the shader
 * warm-up's twin, whose reads are all zeros). The caller owns it.
 */
export function makeModel(config: TrainingConfig, { metrics = true }: { metrics?: boolean } = {}): Sequential {
  const model = buildArchitecture(config.architecture, config.seed);
  model.compile({ optimizer: makeOptimizer(config), loss: 'categoricalCrossentropy', ...(metrics ? { metrics: ['accuracy'] } : {}) });
  return model;
}
