import { useFastWasmMatMul } from './wasm-matmul.js';
import { useWasmSoftmaxCrossEntropy } from './wasm-softmax-cross-entropy.js';

/**
 * Every wasm fast path lab has: the transposed-matmul fix (`useFastWasmMatMul`) and
 * `LabSoftmaxCrossEntropy` in TypeScript. (A TypeScript Adam over the wasm heap was measured and
 * dropped: at ≈ 15–25 ns per element it is slower than the composite wasm SIMD kernels.)
 * Idempotent; a no-op without the wasm backend. Called by `fit`, `evaluate` and `predict`.
 */
export function useFastWasmKernels(): void {
  useFastWasmMatMul();
  useWasmSoftmaxCrossEntropy();
}
