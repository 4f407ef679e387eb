import { checkSoftmaxCrossEntropyShapes, defineKernel, type SoftmaxCrossEntropyAttrs, type SoftmaxCrossEntropyInputs, softmaxCrossEntropy } from '@lab/core';
import type { WasmBackend } from './wasm-backend.js';

/**
 * @lab/core's `LabSoftmaxCrossEntropy` for the wasm backend, in TypeScript over the wasm heap: per
 * row, `loss = lse(z) Σt − Σ t·z` and `dLogits = scale · (softmax(z) Σt − t)`, max-shifted and
 * summed in float64. One call instead of the dozen small kernels (and their autodiff) a batch's
 * loss gradient otherwise takes.
 */
export const wasmSoftmaxCrossEntropy = defineKernel<SoftmaxCrossEntropyInputs, SoftmaxCrossEntropyAttrs, WasmBackend>(
  softmaxCrossEntropy,
  'wasm',
  ({ inputs: { logits, labels }, backend, attrs }) => {
    checkSoftmaxCrossEntropyShapes(logits, labels);
    const [rows, cols] = logits.shape as [number, number];
    const outputs = [backend.makeOutput([rows], 'float32'), backend.makeOutput([rows, cols], 'float32')];
    const [z, t] = [logits, labels].map((x) => backend.typedArrayFromHeap(x));
    const [loss, grad] = outputs.map((x) => backend.typedArrayFromHeap(x));
    const scale = attrs.scale ?? 1;
    for (let r = 0; r < rows; r++) {
      const at = r * cols;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < cols; j++) max = Math.max(max, z![at + j]!);
      let sum = 0;
      let labelSum = 0;
      let dot = 0;
      for (let j = 0; j < cols; j++) {
        const e = Math.exp(z![at + j]! - max);
        grad![at + j] = e;
        sum += e;
        labelSum += t![at + j]!;
        dot += t![at + j]! * (z![at + j]! - max);
      }
      loss![r] = Math.log(sum) * labelSum - dot;
      const norm = labelSum / sum;
      for (let j = 0; j < cols; j++) grad![at + j] = Math.fround(grad![at + j]! * norm - t![at + j]!) * scale;
    }
    return outputs;
  },
);
