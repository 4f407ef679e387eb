import * as tf from '@tensorflow/tfjs-core';

/** The activations a layer can apply by name (Keras names, camelCase). */
export type ActivationName = 'linear' | 'relu' | 'sigmoid' | 'softmax' | 'tanh' | 'elu' | 'leakyRelu' | 'gelu' | 'softplus' | 'swish';

/** The names, in a fixed order, for validation messages and option parsing. */
export const ACTIVATIONS: readonly ActivationName[] = ['linear', 'relu', 'sigmoid', 'softmax', 'tanh', 'elu', 'leakyRelu', 'gelu', 'softplus', 'swish'];

/** The slope of `leakyRelu` below zero: Keras' `leaky_relu` default (`negative_slope=0.2`, as `tf.leakyRelu`). */
export const LEAKY_RELU_SLOPE = 0.2;

/**
 * Applies an activation, with Keras' definitions: `softmax` over the last axis; `elu` with α = 1;
 * `leakyRelu` with slope 0.2 below zero; `gelu` exact (`x·Φ(x)` through erf, Keras'
 * `approximate=False` and PyTorch's default); `swish` = `x·sigmoid(x)` (SiLU). Returns a new tensor
 * (or `x` itself for `linear`); run it inside `tf.tidy` to free intermediates.
 */
export function activate(name: ActivationName, x: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'softmax':
      return tf.softmax(x, -1);
    case 'tanh':
      return tf.tanh(x);
    case 'elu':
      return tf.elu(x);
    case 'leakyRelu':
      return tf.leakyRelu(x, LEAKY_RELU_SLOPE);
    case 'gelu':
      return tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2)))));
    case 'softplus':
      return tf.softplus(x);
    case 'swish':
      return tf.tidy(() => tf.mul(x, tf.sigmoid(x)));
  }
}

/** The name Keras and tfjs-layers write in a saved model (`leaky_relu` for `leakyRelu`). */
export function kerasActivationName(name: ActivationName): string {
  return name === 'leakyRelu' ? 'leaky_relu' : name;
}

/**
 * Validates an activation name, naming the valid ones in the error. Keras' snake-case spellings
 * (`leaky_relu`, as saved models write them) and `silu` (Keras' other name for swish) are accepted.
 */
export function checkActivation(name: string, where: string): ActivationName {
  if (name === 'leaky_relu') return 'leakyRelu';
  if (name === 'silu') return 'swish';
  if ((ACTIVATIONS as readonly string[]).includes(name)) return name as ActivationName;
  throw new Error(`${where}: unknown activation '${name}'; expected one of ${ACTIVATIONS.join(', ')}`);
}
