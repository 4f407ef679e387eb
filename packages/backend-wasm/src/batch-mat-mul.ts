import * as tf from '@tensorflow/tfjs-core';

type KernelInputs = { a: tf.TensorInfo; b: tf.TensorInfo };
type MatMulAttrs = { transposeA: boolean; transposeB: boolean };
type DisposableBackend = { disposeData(dataId: object): void };

let patched = false;

/**
 * Makes the wasm backend's `BatchMatMul` fast for transposed inputs, which every backward pass
 * produces. tfjs-backend-wasm 4.22 runs its XNNPACK fast path only when neither input is
 * transposed and otherwise falls to a scalar loop (≈ 2 GFLOP/s, most of a training step). The
 * replacement transposes such inputs explicitly (a cheap copy) and then takes the fast path. The
 * result is the same product; only the summation order inside XNNPACK may differ (≈ 1e-7).
 *
 * Idempotent; a no-op where the wasm backend is not registered. {@link registerWasmKernels} calls it.
 */
export function registerFastBatchMatMul(): void {
  if (patched) return;
  const original = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!original || !transpose) return;
  patched = true;
  const run = original.kernelFunc as (args: { inputs: KernelInputs; backend: unknown; attrs: MatMulAttrs }) => tf.TensorInfo;
  const transposeFn = transpose.kernelFunc as (args: { inputs: { x: tf.TensorInfo }; backend: unknown; attrs: { perm: number[] } }) => tf.TensorInfo;
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({
    kernelName: 'BatchMatMul',
    backendName: 'wasm',
    setupFunc: original.setupFunc,
    disposeFunc: original.disposeFunc,
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = args as unknown as { inputs: KernelInputs; backend: DisposableBackend; attrs: MatMulAttrs };
      if (!attrs.transposeA && !attrs.transposeB) return run({ inputs, backend, attrs });
      const flip = (t: tf.TensorInfo) => {
        const perm = t.shape.map((_, i) => i);
        const last = perm.length - 1;
        [perm[last - 1], perm[last]] = [perm[last]!, perm[last - 1]!];
        return transposeFn({ inputs: { x: t }, backend, attrs: { perm } });
      };
      const a = attrs.transposeA ? flip(inputs.a) : inputs.a;
      const b = attrs.transposeB ? flip(inputs.b) : inputs.b;
      try {
        return run({ inputs: { a, b }, backend, attrs: { transposeA: false, transposeB: false } });
      } finally {
        if (a !== inputs.a) backend.disposeData(a.dataId);
        if (b !== inputs.b) backend.disposeData(b.dataId);
      }
    },
  });
}
