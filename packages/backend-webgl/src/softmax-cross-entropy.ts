import {
  checkSoftmaxCrossEntropyShapes,
  defineKernel,
  type SoftmaxCrossEntropyAttrs,
  type SoftmaxCrossEntropyInputs,
  softmaxCrossEntropy,
} from '@lab/core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { requireInput } from './float32-inputs.js';

/**
 * GLSL computing, for the rows `r` and `r + 1` of a packed texel, the max-shifted log-sum-exp
 * `lse` and the sum of labels `total` (vec2: one per row). Columns past `cols` are skipped.
 */
function rowStats(cols: number): string {
  const second = (expression: string) => (cols % 2 === 1 ? `(k + 1 < ${cols} ? ${expression} : vec2(0.))` : expression);
  return `
    vec2 top = getLogits(r, 0).xz;
    for (int k = 0; k < ${cols}; k += 2) {
      vec4 l = getLogits(r, k);
      top = max(top, l.xz);
      ${cols % 2 === 1 ? `if (k + 1 < ${cols}) ` : ''}top = max(top, l.yw);
    }
    vec2 sumExp = vec2(0.);
    vec2 total = vec2(0.);
    for (int k = 0; k < ${cols}; k += 2) {
      vec4 l = getLogits(r, k);
      vec4 t = getLabels(r, k);
      sumExp += exp(l.xz - top) + ${second('exp(l.yw - top)')};
      total += t.xz + ${second('t.yw')};
    }
    vec2 lse = top + log(sumExp);
  `;
}

/** Per-row loss `Σ_k labels · (lse − logits)`, packed 1-D `[rows]`. */
class RowLossProgram implements GPGPUProgram {
  readonly variableNames = ['Logits', 'Labels'];
  readonly outputShape: number[];
  readonly packedInputs = true;
  readonly packedOutput = true;
  readonly userCode: string;
  constructor(rows: number, cols: number) {
    this.outputShape = [rows];
    this.userCode = `
      void main() {
        int r = getOutputCoords();
        ${rowStats(cols)}
        vec2 loss = vec2(0.);
        for (int k = 0; k < ${cols}; k += 2) {
          vec4 l = getLogits(r, k);
          vec4 t = getLabels(r, k);
          vec4 terms = t * (lse.xxyy - l);
          loss += terms.xz${cols % 2 === 1 ? ` + (k + 1 < ${cols} ? terms.yw : vec2(0.))` : ' + terms.yw'};
        }
        setOutput(vec4(loss.x, r + 1 < ${rows} ? loss.y : 0., 0., 0.));
      }
    `;
  }
}

/** `scale · (softmax(logits) · Σ labels − labels)`, packed `[rows, cols]`, zero in the padding. */
class LogitsGradientProgram implements GPGPUProgram {
  readonly variableNames = ['Logits', 'Labels'];
  readonly outputShape: number[];
  readonly packedInputs = true;
  readonly packedOutput = true;
  readonly customUniforms = [{ name: 'labScale', type: 'float' as const }];
  readonly userCode: string;
  constructor(rows: number, cols: number) {
    this.outputShape = [rows, cols];
    this.userCode = `
      void main() {
        ivec2 rc = getOutputCoords();
        int r = rc.x;
        int c = rc.y;
        ${rowStats(cols)}
        vec4 l = getLogits(r, c);
        vec4 t = getLabels(r, c);
        vec4 result = (exp(l - lse.xxyy) * total.xxyy - t) * labScale;
        // Selected, not multiplied by 0: past the last row the statistics may be inf or NaN.
        bool nextCol = c + 1 < ${cols};
        bool nextRow = r + 1 < ${rows};
        setOutput(vec4(result.x, nextCol ? result.y : 0., nextRow ? result.z : 0., nextRow && nextCol ? result.w : 0.));
      }
    `;
  }
}

/**
 * @lab/core's `LabSoftmaxCrossEntropy` ({@link softmaxCrossEntropy}) for the webgl backend: inputs
 * `{ logits, labels }`, both `[rows, classes]`; attrs `{ scale? }` (default 1). Outputs
 * `[loss, dLogits]`: the per-row loss `[rows]` and `scale · (softmax(logits) · Σ labels − labels)`,
 * max-shifted. Two packed programs instead of the composite loss and its gradient (about twenty
 * small programs and their packing conversions).
 */
export const webglSoftmaxCrossEntropy = defineKernel<SoftmaxCrossEntropyInputs, SoftmaxCrossEntropyAttrs, MathBackendWebGL>(
  softmaxCrossEntropy,
  'webgl',
  ({ inputs, backend, attrs }) => {
    const logits = requireInput(softmaxCrossEntropy, inputs.logits, 'logits');
    const labels = requireInput(softmaxCrossEntropy, inputs.labels, 'labels');
    checkSoftmaxCrossEntropyShapes(logits, labels);
    const [rows, cols] = logits.shape as [number, number];
    const scale = attrs.scale ?? 1;
    const loss = backend.compileAndRun(new RowLossProgram(rows, cols), [logits, labels], 'float32');
    const dLogits = backend.compileAndRun(new LogitsGradientProgram(rows, cols), [logits, labels], 'float32', [[scale]]);
    return [loss, dLogits];
  },
);
