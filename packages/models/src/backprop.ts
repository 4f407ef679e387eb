import * as tf from '@tensorflow/tfjs-core';
import type { Compiled } from './compile.js';
import type { Backprop } from './layers/layer.js';
import { lossGradient } from './loss-gradient.js';
import type { Model } from './model.js';

/** What one training step's forward and backward passes give: see {@link backpropStep}. */
export interface StepGradients {
  /** Gradients keyed by `model.namedWeights()` names. */
  grads: Record<string, tf.Tensor>;
  /** The batch's loss summed over its samples. */
  lossSum: tf.Scalar;
  /** The model's output for the batch (logits when `logits`), for the metrics. */
  out: tf.Tensor;
}

/**
 * One batch's gradients by backpropagation through the layers' analytic backward passes
 * (`Layer.forwardForBackprop`), without tfjs's tape: a Dense layer is one fused matmul forward
 * and one backward kernel where the backend has them, and nothing is recorded or cloned. The
 * input gradient of a layer is computed only when an earlier layer has weights. Returns
 * `undefined` (having freed what it made) when some layer has no analytic backward pass; the
 * caller then uses autodiff. The caller owns the results.
 */
export function backpropStep(
  model: Model,
  compiled: Compiled,
  x: tf.Tensor,
  y: tf.Tensor,
  logits: boolean,
  names: string[] = Object.keys(model.namedWeights()),
): StepGradients | undefined {
  const layers = model.layers;
  const last = layers.length - 1;
  const passes: Backprop[] = [];
  // Intermediates, freed at the end; `kept` is returned, or freed too if something throws.
  const made: tf.Tensor[] = [];
  const kept: tf.Tensor[] = [];
  const perLayer: tf.Tensor[][] = [];
  let returned = false;
  try {
    let h = x;
    for (const [i, layer] of layers.entries()) {
      const pass = layer.forwardForBackprop(h, i === last && logits);
      if (pass === undefined) return undefined;
      passes.push(pass);
      (i < last ? made : kept).push(pass.output);
      h = pass.output;
    }
    const out = h;
    const { lossSum, dOut } = lossGradient(compiled, logits, y, out);
    kept.push(lossSum);
    made.push(dOut);
    let dy = dOut;
    for (let i = last; i >= 0; i--) {
      const inputGrad = layers.slice(0, i).some((l) => l.weights.length > 0);
      const { grads, dx } = passes[i]!.backward(dy, inputGrad);
      perLayer[i] = grads;
      if (!dx) break;
      made.push(dx);
      dy = dx;
    }
    const grads: Record<string, tf.Tensor> = {};
    let k = 0;
    for (const [i, layer] of layers.entries()) {
      for (let w = 0; w < layer.weights.length; w++) grads[names[k++]!] = perLayer[i]![w]!;
    }
    returned = true;
    return { grads, lossSum, out };
  } finally {
    tf.dispose(made);
    if (!returned) tf.dispose([...kept, ...perLayer.flat()]);
  }
}
