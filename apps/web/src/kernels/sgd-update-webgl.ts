import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type * as tf from '@tensorflow/tfjs-core';
import { ElementwiseProgram } from './elementwise-program.js';
import { checkShape, requireInput } from './float32-inputs.js';

/** The kernel @lab/optim's SGD runs where the backend registers it (@lab/backend-native's contract). */
export const SGD_UPDATE = 'LabSgdUpdate';

/**
 * `LabSgdUpdate` on webgl: inputs `{ grad, param? }`, attrs `{ scale }`; one output,
 * `param + scale · grad` (or `scale · grad` without `param`), in one packed program.
 */
export function sgdUpdateWebGL({ inputs, backend, attrs }: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const webgl = backend as MathBackendWebGL;
  const { scale } = attrs as unknown as { scale: number };
  const grad = requireInput(SGD_UPDATE, inputs, 'grad');
  const param = inputs.param === undefined ? undefined : requireInput(SGD_UPDATE, inputs, 'param');
  if (param) checkShape(SGD_UPDATE, 'param', param, grad.shape, 'grad');
  const program = param
    ? new ElementwiseProgram(grad.shape, ['param', 'grad'], ['labScale'], 'result = param + grad * labScale;')
    : new ElementwiseProgram(grad.shape, ['grad'], ['labScale'], 'result = grad * labScale;');
  return webgl.compileAndRun(program, param ? [param, grad] : [grad], 'float32', [[scale]]);
}
