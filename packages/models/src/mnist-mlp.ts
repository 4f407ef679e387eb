import { array, checkOptions, integer, string } from '@lab/core';
import { Dense } from './layers/dense.js';
import { Flatten } from './layers/flatten.js';
import { Sequential } from './sequential.js';

/** Options of {@link mnistMlp}. */
export interface MnistMlpOptions {
  /** Units of the hidden layer. Default 128, the lesson's. */
  hidden?: number;
  /** Seeds the weight initialisers (and, unless `fit` gets its own, the shuffles). */
  seed?: number;
  /** The model's name. Default 'sequential'. */
  name?: string;
  /** The image shape `[height, width, channels]`. Default MNIST's `[28, 28, 1]`. */
  inputShape?: readonly number[];
  /** Output classes. Default 10 (the digits). */
  classes?: number;
}

/**
 * The lesson's network, the Keras MNIST example's: `Flatten` of 28×28×1 images → `Dense(hidden,
 * relu)` → `Dense(10, softmax)`, uncompiled. Compile it with Adam and categorical cross-entropy
 * for the lesson's run. The caller owns it and calls `dispose()`.
 */
export function mnistMlp(options: MnistMlpOptions = {}): Sequential {
  checkOptions('mnistMlp', options, { hidden: integer({ min: 1 }), seed: integer(), name: string(), inputShape: array(integer({ min: 1 })), classes: integer({ min: 2 }) });
  const { hidden = 128, seed, name, inputShape = [28, 28, 1], classes = 10 } = options;
  return new Sequential(
    [new Flatten({ inputShape: [...inputShape] }), new Dense({ units: hidden, activation: 'relu' }), new Dense({ units: classes, activation: 'softmax' })],
    { ...(seed === undefined ? {} : { seed }), ...(name === undefined ? {} : { name }) },
  );
}
