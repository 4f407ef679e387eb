import { array, checkOptions, integer, string } from '@lab/core';
import { Conv2D } from './layers/conv2d.js';
import { Dense } from './layers/dense.js';
import { Dropout } from './layers/dropout.js';
import { Flatten } from './layers/flatten.js';
import { MaxPooling2D } from './layers/pooling-2d.js';
import { Sequential } from './sequential.js';

/** Options of {@link mnistCnn}. */
export interface MnistCnnOptions {
  /** Seeds the weight initialisers (and, unless `fit` gets its own, the shuffles and dropout). */
  seed?: number;
  /** The model's name. Default 'sequential'. */
  name?: string;
  /** The image shape `[height, width, channels]`. Default MNIST's `[28, 28, 1]`. */
  inputShape?: readonly number[];
  /** Output classes. Default 10 (the digits). */
  classes?: number;
}

/**
 * The Keras MNIST convnet (keras.io/examples/vision/mnist_convnet): 28×28×1 images →
 * `Conv2D(32, 3, relu)` → `MaxPooling2D(2)` → `Conv2D(64, 3, relu)` → `MaxPooling2D(2)` →
 * `Flatten` → `Dropout(0.5)` → `Dense(10, softmax)`; 34,826 parameters, uncompiled. The caller owns
 * it and calls `dispose()`.
 */
export function mnistCnn(options: MnistCnnOptions = {}): Sequential {
  checkOptions('mnistCnn', options, { seed: integer(), name: string(), inputShape: array(integer({ min: 1 })), classes: integer({ min: 2 }) });
  const { seed, name, inputShape = [28, 28, 1], classes = 10 } = options;
  return new Sequential(
    [
      new Conv2D({ inputShape: [...inputShape], filters: 32, kernelSize: 3, activation: 'relu' }),
      new MaxPooling2D({ poolSize: 2 }),
      new Conv2D({ filters: 64, kernelSize: 3, activation: 'relu' }),
      new MaxPooling2D({ poolSize: 2 }),
      new Flatten(),
      new Dropout({ rate: 0.5 }),
      new Dense({ units: classes, activation: 'softmax' }),
    ],
    { ...(seed === undefined ? {} : { seed }), ...(name === undefined ? {} : { name }) },
  );
}
