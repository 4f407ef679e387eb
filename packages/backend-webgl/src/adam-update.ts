import { type AdamUpdateAttrs, type AdamUpdateInputs, adamUpdate, checkAdamAttrs, defineKernel } from '@lab/core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { ElementwiseProgram } from './elementwise-program.js';
import { checkShape, requireInput } from './float32-inputs.js';

/** A moment: `decay · moment + keep · g` (first) or `· g²` (second), in the reference's order. */
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
 * @lab/core's `LabAdamUpdate` ({@link adamUpdate}, where the formula is) for the webgl backend:
 * inputs `{ grad, m, v, param? }` of one shape, outputs `[out, m', v']`, the bias corrections
 * folded into two numbers as the contract's reference does. Three packed programs instead of the
 * reference's eleven to thirteen, and no scalar tensors uploaded per step (the constants are
 * uniforms, so one compiled shader serves every step). `inPlace` is a permission, not a duty: new
 * textures are written.
 */
export const webglAdamUpdate = defineKernel<AdamUpdateInputs, AdamUpdateAttrs, MathBackendWebGL>(adamUpdate, 'webgl', ({ inputs, backend, attrs }) => {
  const grad = requireInput(adamUpdate, inputs.grad, 'grad');
  const [m, v] = [requireInput(adamUpdate, inputs.m, 'm'), requireInput(adamUpdate, inputs.v, 'v')];
  const param = inputs.param === undefined ? undefined : requireInput(adamUpdate, inputs.param, 'param');
  for (const [name, input] of [['m', m], ['v', v], ['param', param]] as const) {
    if (input) checkShape(adamUpdate, name, input, grad.shape, 'grad');
  }
  checkAdamAttrs(attrs, param !== undefined);
  const { beta1, beta2, epsilon, count, scale, weightDecay = 0 } = attrs;
  const root = Math.sqrt(1 - beta2 ** count);
  const nextM = backend.compileAndRun(momentProgram(grad.shape, false), [grad, m], 'float32', [[beta1], [1 - beta1]]);
  const nextV = backend.compileAndRun(momentProgram(grad.shape, true), [grad, v], 'float32', [[beta2], [1 - beta2]]);
  const step = stepProgram(grad.shape, param !== undefined, weightDecay !== 0);
  const uniforms = [[root / (1 - beta1 ** count)], [epsilon * root], [scale], [weightDecay]];
  const out = backend.compileAndRun(step, param ? [nextM, nextV, param] : [nextM, nextV], 'float32', uniforms);
  return [out, nextM, nextV];
});
