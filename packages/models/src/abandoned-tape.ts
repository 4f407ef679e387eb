import * as tf from '@tensorflow/tfjs-core';

/** What this file reads of tfjs-core 4.22's engine state (the last release; the shape is fixed). */
interface EngineState {
  gradientDepth: number;
  activeTape: { saved?: tf.Tensor[] }[] | null;
}

/**
 * Frees what tfjs's tape kept when the function given to `tf.variableGrads` or `tf.valueAndGrad`
 * threw. While recording, tfjs keeps a copy of every tensor an op's gradient will need, and only
 * the backward pass frees them; when the forward pass throws (a loss refusing its inputs, a layer
 * failing) there is no backward pass, and each call would leak those copies. Call it from the
 * `catch` around the outermost gradient call; it does nothing while an enclosing one still records.
 */
export function freeAbandonedTape(): void {
  const state = (tf.engine() as unknown as { state: EngineState }).state;
  if (state.gradientDepth !== 0 || state.activeTape === null) return;
  for (const node of state.activeTape) for (const tensor of node.saved ?? []) tensor.dispose();
  state.activeTape = null;
}

/** Runs `f` (a call of `tf.variableGrads` or `tf.valueAndGrad`); if it throws, frees the abandoned tape first. */
export function withTapeCleanup<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    freeAbandonedTape();
    throw error;
  }
}
