import { mnistMlp, type Sequential } from '@lab/models';
import type { GradientTransformation } from '@lab/optim';

/** The seed of the lesson's model: the same seed on the same backend gives the same weights. */
export const LESSON_SEED = 42;

/** MNIST images: 28 × 28 pixels, one channel. */
export const IMAGE_SHAPE: readonly [number, number, number] = [28, 28, 1];

/** The ten digit classes. */
export const NUM_CLASSES = 10;

/** Options of {@link createLessonModel}. */
export interface LessonModelOptions {
  /** Default {@link LESSON_SEED}. */
  seed?: number;
  /** Units of the hidden layer. Default 128, the lesson's. */
  hiddenUnits?: number;
  /** Default Adam with Keras' settings, the lesson's. */
  optimizer?: GradientTransformation;
}

/**
 * The lesson's network, built and compiled: Flatten 28×28×1 → Dense 128 relu → Dense 10
 * softmax, with Adam and categorical cross-entropy. The caller owns it and calls `dispose()`.
 */
export function createLessonModel(options: LessonModelOptions = {}): Sequential {
  const model = mnistMlp({ hidden: options.hiddenUnits ?? 128, seed: options.seed ?? LESSON_SEED, name: 'lesson' });
  model.compile({ optimizer: options.optimizer ?? 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  model.build();
  return model;
}
