import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs-backend-wasm's backend this kernel uses (public methods of `BackendWasm`). */
interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): tf.TypedArray;
}

type Args = { inputs: Record<string, tf.TensorInfo | undefined>; backend: unknown; attrs: { scale?: number } };

/**
 * `LabSoftmaxCrossEntropy` (as @lab/backend-native defines it) for the wasm backend, in
 * TypeScript over the wasm heap: per row, `loss = lse(z) Σt − Σ t·z` and
 * `dLogits = scale · (softmax(z) Σt − t)`, max-shifted and summed in float64. One call instead of
 * the dozen small kernels (and their autodiff) a batch's loss gradient otherwise takes.
 */
function softmaxCrossEntropy({ inputs, backend: b, attrs }: Args): tf.TensorInfo[] {
  const name = 'LabSoftmaxCrossEntropy';
  const backend = b as WasmBackend;
  const { logits, labels } = inputs;
  if (!logits || !labels || logits.dtype !== 'float32' || labels.dtype !== 'float32') throw new Error(`${name}: needs float32 'logits' and 'labels'`);
  if (logits.shape.length !== 2 || !tf.util.arraysEqual(logits.shape, labels.shape)) {
    throw new Error(`${name}: logits [${logits.shape.join(', ')}] and labels [${labels.shape.join(', ')}] must both be [rows, classes]`);
  }
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
}

let registered = false;

/** Registers the kernel for the wasm backend; idempotent, a no-op where wasm is not registered. */
export function useWasmSoftmaxCrossEntropy(): void {
  if (registered || tf.getKernel('Add', 'wasm') === undefined) return;
  registered = true;
  if (tf.getKernel('LabSoftmaxCrossEntropy', 'wasm') === undefined) {
    tf.registerKernel({ kernelName: 'LabSoftmaxCrossEntropy', backendName: 'wasm', kernelFunc: softmaxCrossEntropy as unknown as tf.KernelFunc });
  }
}
