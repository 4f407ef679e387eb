import { defineKernel, type SgdUpdateAttrs, type SgdUpdateInputs, sgdUpdate } from '@lab/core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { ElementwiseProgram } from './elementwise-program.js';
import { checkShape, requireInput } from './float32-inputs.js';

/**
 * @lab/core's `LabSgdUpdate` ({@link sgdUpdate}) for the webgl backend: inputs `{ grad, param? }`,
 * attrs `{ scale }`; one output, `param + scale · grad` (or `scale · grad` without `param`), in
 * one packed program. `inPlace` is a permission, not a duty: a new texture is written.
 */
export const webglSgdUpdate = defineKernel<SgdUpdateInputs, SgdUpdateAttrs, MathBackendWebGL>(sgdUpdate, 'webgl', ({ inputs, backend, attrs }) => {
  const grad = requireInput(sgdUpdate, inputs.grad, 'grad');
  const param = inputs.param === undefined ? undefined : requireInput(sgdUpdate, inputs.param, 'param');
  if (param) checkShape(sgdUpdate, 'param', param, grad.shape, 'grad');
  const program = param
    ? new ElementwiseProgram(grad.shape, ['param', 'grad'], ['labScale'], 'result = param + grad * labScale;')
    : new ElementwiseProgram(grad.shape, ['grad'], ['labScale'], 'result = grad * labScale;');
  return [backend.compileAndRun(program, param ? [param, grad] : [grad], 'float32', [[attrs.scale]])];
});
