import { type DenseBackwardAttrs, type DenseBackwardInputs, defineKernel, denseBackward } from '@lab/core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import * as tf from '@tensorflow/tfjs-core';
import { checkShape, requireInput } from './float32-inputs.js';

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

/** tfjs's own webgl matmul, called as a kernel from this one. */
function matMul(backend: MathBackendWebGL, a: tf.TensorInfo, b: tf.TensorInfo, transposeA: boolean, transposeB: boolean): tf.TensorInfo {
  const kernel = tf.getKernel('BatchMatMul', 'webgl');
  if (!kernel) throw new Error(`${denseBackward.name}: the webgl backend has no BatchMatMul kernel`);
  return kernel.kernelFunc({ inputs: { a, b }, backend, attrs: { transposeA, transposeB } }) as tf.TensorInfo;
}

/**
 * `g = dy · step(y)` with tfjs's step (1 where y > 0, else 0, so relu'(0) = 0; NaN where y is
 * NaN), packed `[rows, cols]`, zero in the padding: the matmuls that read `g` add its padding in.
 */
class ReluMaskProgram implements GPGPUProgram {
  readonly variableNames = ['Dy', 'Y'];
  readonly outputShape: number[];
  readonly packedInputs = true;
  readonly packedOutput = true;
  readonly userCode: string;
  constructor(rows: number, cols: number) {
    this.outputShape = [rows, cols];
    this.userCode = `
      void main() {
        ivec2 rc = getOutputCoords();
        vec4 y = getYAtOutCoords();
        vec4 g = getDyAtOutCoords() * vec4(greaterThan(y, vec4(0.)));
        bvec4 yNaN = isnan(y);
        g = vec4(yNaN.x ? y.x : g.x, yNaN.y ? y.y : g.y, yNaN.z ? y.z : g.z, yNaN.w ? y.w : g.w);
        bool nextCol = rc.y + 1 < ${cols};
        bool nextRow = rc.x + 1 < ${rows};
        setOutput(vec4(g.x, nextCol ? g.y : 0., nextRow ? g.z : 0., nextRow && nextCol ? g.w : 0.));
      }
    `;
  }
}

/**
 * @lab/core's `LabDenseBackward` ({@link denseBackward}) for the webgl backend, the backward pass
 * of `y = act(x · kernel + bias)`: inputs `{ x: [rows, in], kernel: [in, out], dy: [rows, out], y? }`
 * (`y`, the layer's output, for relu); outputs `[dKernel, dBias?, dx?]` with `g = dy ⊙ act'(y)`,
 * `dKernel = xᵀ g`, `dBias = Σ_rows g`, `dx = g kernelᵀ`. The relu mask and the bias sum are one
 * packed program each (tfjs's composite gradient unpacks for both); the products are tfjs's own
 * matmul.
 */
export const webglDenseBackward = defineKernel<DenseBackwardInputs, DenseBackwardAttrs, MathBackendWebGL>(denseBackward, 'webgl', ({ inputs, backend, attrs }) => {
  const { activation, hasBias, inputGrad } = attrs;
  const x = requireInput(denseBackward, inputs.x, 'x');
  const kernel = requireInput(denseBackward, inputs.kernel, 'kernel');
  const dy = requireInput(denseBackward, inputs.dy, 'dy');
  if (x.shape.length !== 2 || kernel.shape.length !== 2 || x.shape[1] !== kernel.shape[0]) {
    throw new Error(`${denseBackward.name}: x [${x.shape.join(', ')}] and kernel [${kernel.shape.join(', ')}] must be [rows, in] and [in, out]`);
  }
  const [rows, outUnits] = [x.shape[0]!, kernel.shape[1]!];
  checkShape(denseBackward, 'dy', dy, [rows, outUnits], '[rows, out]');
  if (activation !== 'relu' && activation !== 'linear') throw new Error(`${denseBackward.name}: activation must be 'linear' or 'relu', got '${activation}'`);
  let g = dy;
  if (activation === 'relu') {
    const y = requireInput(denseBackward, inputs.y, 'y');
    checkShape(denseBackward, 'y', y, [rows, outUnits], '[rows, out]');
    g = backend.compileAndRun(new ReluMaskProgram(rows, outUnits), [dy, y], 'float32');
  }
  try {
    const outputs = [matMul(backend, x, g, true, false)];
    if (hasBias) outputs.push(backend.compileAndRun(new ColumnSumProgram(rows, outUnits), [g], 'float32'));
    if (inputGrad) outputs.push(matMul(backend, g, kernel, false, true));
    return outputs;
  } finally {
    if (g !== dy) backend.disposeIntermediateTensorInfo(g);
  }
});
