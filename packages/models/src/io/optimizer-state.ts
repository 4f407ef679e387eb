import * as tf from '@tensorflow/tfjs-core';

/** An optimizer state in JSON, with each tensor replaced by `{ $tensor: name }`, plus its weights. */
export interface EncodedState {
  structure: unknown;
  specs: tf.io.WeightsManifestEntry[];
  data: ArrayBuffer;
}

/**
 * Encodes an optimizer state (any nesting of objects, arrays, numbers and tensors, as @lab/optim
 * produces) into JSON plus one weights buffer, for checkpoints. Reads the tensors asynchronously.
 */
export async function encodeState(state: tf.TensorContainer): Promise<EncodedState> {
  const named: { name: string; tensor: tf.Tensor }[] = [];
  const walk = (value: unknown, at: string): unknown => {
    if (value instanceof tf.Tensor) {
      named.push({ name: at, tensor: value });
      return { $tensor: at };
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${at}/${i}`));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, `${at}/${k}`)]));
    }
    return value;
  };
  const structure = walk(state, 'state');
  const { data, specs } = await tf.io.encodeWeights(named);
  return { structure, specs, data };
}

/** Rebuilds a state written by {@link encodeState}; the caller owns the new tensors. */
export function decodeState(encoded: EncodedState): tf.TensorContainer {
  const tensors = tf.io.decodeWeights(encoded.data, encoded.specs);
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      const ref = (value as { $tensor?: string }).$tensor;
      if (ref !== undefined) {
        const t = tensors[ref];
        if (!t) throw new Error(`optimizer state: tensor '${ref}' is missing from the checkpoint`);
        return t;
      }
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return walk(encoded.structure) as tf.TensorContainer;
}
