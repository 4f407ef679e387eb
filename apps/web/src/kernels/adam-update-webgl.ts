import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type * as tf from '@tensorflow/tfjs-core';
import { ElementwiseProgram } from './elementwise-program.js';
import { checkShape, requireInput } from './float32-inputs.js';

/** The kernel @lab/optim's Adam runs where the backend registers it (@lab/backend-native's contract). */
export const ADAM_UPDATE = 'LabAdamUpdate';

/** Attributes of `LabAdamUpdate`. `inPlace` is a permission, not a duty: new textures are written here. */
interface AdamUpdateAttrs {
  beta1: number;
  beta2: number;
  epsilon: number;
  /** The update number t, from 1. */
  count: number;
  /** Multiplies the update: 1 for optax's `scale_by_adam`, −learningRate for a whole step. */
  scale: number;
  /** AdamW's decoupled decay; needs `param`. Default 0. */
  weightDecay?: number;
}

/** A moment: `decay · moment + keep · g` (first) or `· g²` (second), in the composite ops' order. */
const momentProgram = (shape: readonly number[], squared: boolean) =>
  new ElementwiseProgram(shape, ['grad', 'moment'], ['labDecay', 'labKeep'], `result = moment * labDecay + ${squared ? '(grad * grad)' : 'grad'} * labKeep;`);

/** `[param +] scale · (m · c / (sqrt(v) + ε̂) [+ weightDecay · param])`. */
function stepProgram(shape: readonly number[], withParam: boolean, withDecay: boolean): ElementwiseProgram {
  const inputs = withParam ? ['first', 'second', 'param'] : ['first', 'second'];
  const direction = `(first * labStepScale) / (sqrt(second) + labEpsHat)${withDecay ? ' + param * labWeightDecay' : ''}`;
  const update = `(${direction}) * labScale`;
  return new ElementwiseProgram(shape, inputs, ['labStepScale', 'labEpsHat', 'labScale', 'labWeightDecay'], `result = ${withParam ? `param + ${update}` : update};`);
}

/**
 * `LabAdamUpdate` on webgl: inputs `{ grad, m, v, param? }` of one shape; outputs `[out, m', v']`
 * with `m' = β1 m + (1 − β1) g`, `v' = β2 v + (1 − β2) g²` and `out = [param +] u`,
 * `u = scale · (m̂ / (sqrt(v̂) + ε) + weightDecay · param)`, the bias corrections folded into two
 * numbers as @lab/optim's `scaleByAdam` does. Three packed programs instead of the composite
 * path's eleven to thirteen, and no scalar tensors uploaded per step.
 */
export function adamUpdateWebGL({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo[] {
  const webgl = backend as MathBackendWebGL;
  const { beta1, beta2, epsilon, count, scale, weightDecay = 0 } = attrs as unknown as AdamUpdateAttrs;
  const grad = requireInput(ADAM_UPDATE, inputs, 'grad');
  const [m, v] = [requireInput(ADAM_UPDATE, inputs, 'm'), requireInput(ADAM_UPDATE, inputs, 'v')];
  const param = inputs.param === undefined ? undefined : requireInput(ADAM_UPDATE, inputs, 'param');
  for (const [name, input] of [['m', m], ['v', v], ['param', param]] as const) {
    if (input) checkShape(ADAM_UPDATE, name, input, grad.shape, 'grad');
  }
  if (!(count >= 1)) throw new Error(`${ADAM_UPDATE}: count must be >= 1, got ${count}`);
  if (weightDecay !== 0 && !param) throw new Error(`${ADAM_UPDATE}: weightDecay needs the 'param' input`);
  const root = Math.sqrt(1 - beta2 ** count);
  const nextM = webgl.compileAndRun(momentProgram(grad.shape, false), [grad, m], 'float32', [[beta1], [1 - beta1]]);
  const nextV = webgl.compileAndRun(momentProgram(grad.shape, true), [grad, v], 'float32', [[beta2], [1 - beta2]]);
  const step = stepProgram(grad.shape, param !== undefined, weightDecay !== 0);
  const uniforms = [[root / (1 - beta1 ** count)], [epsilon * root], [scale], [weightDecay]];
  const out = webgl.compileAndRun(step, param ? [nextM, nextV, param] : [nextM, nextV], 'float32', uniforms);
  return [out, nextM, nextV];
}
