import * as tf from '@tensorflow/tfjs-core';

/**
 * Disposes the tensors of a previous optimizer state that the next state no longer holds.
 * Transformations return fresh state, but a fused step may pass a tensor through unchanged;
 * disposing only what was replaced keeps both cases correct.
 */
export function disposeReplaced(previous: tf.TensorContainer, next: tf.TensorContainer): void {
  const keep = new Set<number>();
  for (const t of tensorsIn(next)) keep.add(t.id);
  for (const t of tensorsIn(previous)) if (!keep.has(t.id) && !t.isDisposed) t.dispose();
}

function tensorsIn(value: unknown, out: tf.Tensor[] = []): tf.Tensor[] {
  if (value instanceof tf.Tensor) out.push(value);
  else if (Array.isArray(value)) for (const v of value) tensorsIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) tensorsIn(v, out);
  return out;
}
