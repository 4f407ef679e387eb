/**
 * Names of the fused kernels the 'native' backend registers, for libraries that use them when
 * `tf.getKernel(name, tf.getBackend())` exists and fall back to composite ops otherwise. Call
 * them with `tf.engine().runKernel(name, inputs, attrs)`; every input is a float32 tensor and
 * every output a new tensor the caller owns. See the README for the exact formulas.
 */
export const kernelNames = {
  /**
   * Adam's (AdamW's) update. Inputs `{ grad, m, v, param? }`, all of one shape. Attrs
   * `{ beta1, beta2, epsilon, count, scale, weightDecay }` (`count` ≥ 1 is the update number t;
   * `weightDecay` defaults to 0 and needs `param`; `inPlace`, default false, lets it write the
   * results over `param`, `m` and `v` when no other tensor holds them). Outputs `[out, m, v]`: `out` is
   * `param + u` when `param` is given, else `u`, where
   * `u = scale · (m̂ / (sqrt(v̂) + epsilon) + weightDecay · param)`.
   */
  adamUpdate: 'LabAdamUpdate',
  /**
   * Momentum (optax's `trace`). Inputs `{ grad, trace, param? }`; attrs
   * `{ decay, nesterov, scale, inPlace? }`. Outputs `[out, trace]` with `trace' = grad + decay · trace`,
   * `u = scale · (nesterov ? grad + decay · trace' : trace')`, `out = param + u` or `u`.
   */
  momentumUpdate: 'LabMomentumUpdate',
  /**
   * RMSProp (optax's `scale_by_rms`, centered when `mu` is given). Inputs `{ grad, nu, mu?, param? }`;
   * attrs `{ decay, epsilon, epsInSqrt, scale, inPlace? }`. Outputs `[out, nu', mu'?]` with
   * `nu' = decay · nu + (1 − decay) g²`, `mu' = decay · mu + (1 − decay) g`,
   * `var = nu' − mu'²` (centered) or `nu'`, `u = scale · g / (epsInSqrt ? sqrt(var + ε) : sqrt(var) + ε)`,
   * `out = param + u` or `u`.
   */
  rmspropUpdate: 'LabRmspropUpdate',
  /** Plain SGD. Inputs `{ grad, param? }`; attrs `{ scale, inPlace? }`. Output `param + scale · grad` or `scale · grad`. */
  sgdUpdate: 'LabSgdUpdate',
  /**
   * Softmax cross-entropy from logits. Inputs `{ logits, labels }`, both `[rows, classes]`; attrs
   * `{ scale? }` (default 1). Outputs `[loss, dLogits]`: the per-row loss `[rows]` and its
   * gradient for an upstream gradient of `scale` per row, `scale · (softmax(logits) · Σ labels − labels)`.
   */
  softmaxCrossEntropy: 'LabSoftmaxCrossEntropy',
  /**
   * The backward pass of `y = activation(x · kernel + bias)`. Inputs `{ x, kernel, dy, y? }`
   * (`x: [rows, in]`, `kernel: [in, out]`, `dy` and `y: [rows, out]`; `y` is the layer's output,
   * needed for relu). Attrs `{ activation: 'linear' | 'relu', hasBias, inputGrad }`. Outputs
   * `[dKernel, dBias?, dx?]` in that order, `dBias` when `hasBias`, `dx` when `inputGrad`.
   */
  denseBackward: 'LabDenseBackward',
} as const;
