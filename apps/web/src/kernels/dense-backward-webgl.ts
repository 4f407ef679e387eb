import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import * as tf from '@tensorflow/tfjs-core';
import { ElementwiseProgram } from './elementwise-program.js';
import { checkShape, requireInput } from './float32-inputs.js';

/** The kernel @lab/models' Dense layer runs for its backward pass where the backend registers it. */
export const DENSE_BACKWARD = 'LabDenseBackward';

/** Column sums of a packed `[rows, cols]` input, packed 1-D `[cols]`, zero in the padding. */
class ColumnSumProgram implements GPGPUProgram {
  readonly variableNames = ['G'];
  readonly outputShape: number[];
  readonly packedInputs = true;
  readonly packedOutput = true;
  readonly userCode: string;
  constructor(rows: number, cols: number) {
    this.outputShape = [cols];
    this.userCode = `
      void main() {
        int c = getOutputCoords();
        vec2 sum = vec2(0.);
        for (int r = 0; r < ${rows}; r += 2) {
          vec4 g = getG(r, c);
          sum += g.xy${rows % 2 === 1 ? ` + (r + 1 < ${rows} ? g.zw : vec2(0.))` : ' + g.zw'};
        }
        setOutput(vec4(sum.x, c + 1 < ${cols} ? sum.y : 0., 0., 0.));
      }
    `;
  }
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

/** tfjs's own webgl matmul, called as a kernel from this one. */
function matMul(backend: MathBackendWebGL, a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean): tf.TensorInfo {
  const kernel = tf.getKernel('BatchMatMul', 'webgl');
  if (!kernel) throw new Error(`${DENSE_BACKWARD}: the webgl backend has no BatchMatMul kernel`);
  return kernel.kernelFunc({ inputs: { a, b }, backend, attrs: { transposeA, transposeB } }) as tf.TensorInfo;
}

/**
 * `LabDenseBackward` on webgl, the backward pass of `y = act(x · kernel + bias)`: inputs
 * `{ x: [rows, in], kernel: [in, out], dy: [rows, out], y? }` (`y`, the layer's output, for relu);
 * attrs `{ activation: 'linear' | 'relu', hasBias, inputGrad }`. Outputs `[dKernel, dBias?, dx?]`
 * with `g = dy ⊙ act'(y)`, `dKernel = xᵀ g`, `dBias = Σ_rows g`, `dx = g kernelᵀ`: the relu mask
 * and the bias sum are one packed program each (tfjs's composite gradient unpacks for both).
 */
export function denseBackwardWebGL({ inputs, backend, attrs }: KernelArgs): tf.TensorInfo[] {
  const webgl = backend as MathBackendWebGL;
  const { activation, hasBias, inputGrad } = attrs as unknown as { activation: string; hasBias: boolean; inputGrad: boolean };
  const x = requireInput(DENSE_BACKWARD, inputs, 'x');
  const kernel = requireInput(DENSE_BACKWARD, inputs, 'kernel');
  const dy = requireInput(DENSE_BACKWARD, inputs, 'dy');
  if (x.shape.length !== 2 || kernel.shape.length !== 2 || x.shape[1] !== kernel.shape[0]) {
    throw new Error(`${DENSE_BACKWARD}: x [${x.shape.join(', ')}] and kernel [${kernel.shape.join(', ')}] must be [rows, in] and [in, out]`);
  }
  const [rows, outUnits] = [x.shape[0]!, kernel.shape[1]!];
  checkShape(DENSE_BACKWARD, 'dy', dy, [rows, outUnits], '[rows, out]');
  if (activation !== 'relu' && activation !== 'linear') throw new Error(`${DENSE_BACKWARD}: activation must be 'linear' or 'relu', got '${activation}'`);
  let g = dy;
  if (activation === 'relu') {
    const y = requireInput(DENSE_BACKWARD, inputs, 'y');
    checkShape(DENSE_BACKWARD, 'y', y, [rows, outUnits], '[rows, out]');
    // tf.step's derivative convention: relu'(0) = 0.
    const mask = new ElementwiseProgram([rows, outUnits], ['dy', 'y'], [], 'result = dy * vec4(greaterThan(y, vec4(0.)));');
    g = webgl.compileAndRun(mask, [dy, y], 'float32');
  }
  try {
    const outputs = [matMul(webgl, x, g, true, false)];
    if (hasBias) outputs.push(webgl.compileAndRun(new ColumnSumProgram(rows, outUnits), [g], 'float32'));
    if (inputGrad) outputs.push(matMul(webgl, g, kernel, false, true));
    return outputs;
  } finally {
    if (g !== dy) webgl.disposeIntermediateTensorInfo(g);
  }
}
