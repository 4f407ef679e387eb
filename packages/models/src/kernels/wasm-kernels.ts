import { useWasmAdamKernel } from '@lab/optim';
import { useFastWasmMatMul } from './wasm-matmul.js';
import { useWasmSoftmaxCrossEntropy } from './wasm-softmax-cross-entropy.js';

/**
 * Every wasm fast path lab has: the transposed-matmul fix (`useFastWasmMatMul`),
 * `LabSoftmaxCrossEntropy` in TypeScript, and `LabAdamUpdate` (`useWasmAdamKernel` from
 * @lab/optim: the composite ops called as wasm kernel functions, without the engine's
 * bookkeeping). (An Adam loop in TypeScript over the wasm heap was measured and dropped: at
 * ≈ 15–25 ns per element it is slower than the wasm SIMD kernels.)
 * Idempotent; a no-op without the wasm backend. Called by `fit`, `evaluate` and `predict`.
 */
export function useFastWasmKernels(): void {
  useFastWasmMatMul();
  useWasmSoftmaxCrossEntropy();
  useWasmAdamKernel();
}
