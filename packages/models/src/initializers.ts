import * as tf from '@tensorflow/tfjs-core';

/** Creates a weight tensor of `shape`; `seed` makes it reproducible. The caller owns the result. */
export type Initializer = (shape: number[], seed: number) => tf.Tensor;

/** Names accepted wherever an initializer is expected. */
export type InitializerName = 'glorotUniform' | 'zeros' | 'ones';

/**
 * Keras' `glorot_uniform`: U(-limit, limit) with limit = sqrt(6 / (fanIn + fanOut)), where for a
 * 2-D kernel `[in, out]` fanIn = in and fanOut = out (for higher ranks the leading axes are the
 * receptive field, as in Keras).
 */
export const glorotUniform: Initializer = (shape, seed) => {
  const [fanIn, fanOut] = fans(shape);
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  return tf.randomUniform(shape, -limit, limit, 'float32', seed);
};

/** All zeros (Keras' default bias initializer). */
export const zeros: Initializer = (shape) => tf.zeros(shape, 'float32');

/** All ones. */
export const ones: Initializer = (shape) => tf.ones(shape, 'float32');

/** Resolves an initializer by name; an unknown name is an error listing the valid ones. */
export function getInitializer(init: InitializerName | Initializer): Initializer {
  if (typeof init === 'function') return init;
  const table: Record<InitializerName, Initializer> = { glorotUniform, zeros, ones };
  const found = table[init];
  if (!found) throw new Error(`Unknown initializer '${String(init)}'; expected one of ${Object.keys(table).join(', ')}`);
  return found;
}

function fans(shape: number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [shape[0]!, shape[0]!];
  if (shape.length === 2) return [shape[0]!, shape[1]!];
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [shape[shape.length - 2]! * receptive, shape[shape.length - 1]! * receptive];
}

/**
 * An initializer in Keras' JSON form, as a saved model's layer config records it (`glorotUniform`
 * is Keras' `VarianceScaling(1, fan_avg, uniform)`). A function has no JSON form; it is recorded
 * as `fallback`'s, which is what a loader re-creating the layer would use.
 */
export function kerasInitializer(init: InitializerName | Initializer, fallback: InitializerName): Record<string, unknown> {
  const name = typeof init === 'function' ? fallback : init;
  if (name === 'glorotUniform') return { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } };
  return { class_name: name === 'zeros' ? 'Zeros' : 'Ones', config: {} };
}
