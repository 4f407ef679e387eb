import * as tf from '@tensorflow/tfjs-core';

/** The activations a layer can apply by name (Keras names, camelCase). */
export type ActivationName = 'linear' | 'relu' | 'sigmoid' | 'softmax' | 'tanh';

/** The names, in a fixed order, for validation messages and option parsing. */
export const ACTIVATIONS: readonly ActivationName[] = ['linear', 'relu', 'sigmoid', 'softmax', 'tanh'];

/**
 * Applies an activation. `softmax` is over the last axis, as in Keras. Returns a new tensor
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
  }
}

/** Validates an activation name, naming the valid ones in the error. */
export function checkActivation(name: string, where: string): ActivationName {
  if ((ACTIVATIONS as readonly string[]).includes(name)) return name as ActivationName;
  throw new Error(`${where}: unknown activation '${name}'; expected one of ${ACTIVATIONS.join(', ')}`);
}
