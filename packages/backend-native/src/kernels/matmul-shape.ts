import { backend_util, type TensorInfo, util } from '@tensorflow/tfjs-core';

/** The sizes of a (batched) matmul, or undefined where the native kernel does not apply. */
export interface MatMulShape {
  batch: number;
  batchA: number;
  batchB: number;
  m: number;
  n: number;
  k: number;
  outShape: number[];
}

/**
 * Sizes of `op(a) · op(b)` over the last two axes, with the outer axes broadcast the way the cpu
 * backend does it (equal batch sizes, or one side of batch size 1). Returns undefined for
 * anything else (other dtypes, mismatched inner sizes), which the caller hands to the cpu kernel
 * so that users get its exact errors.
 */
export function matMulShape(a: TensorInfo, b: TensorInfo, transposeA: boolean, transposeB: boolean): MatMulShape | undefined {
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || ra < 2 || rb < 2) return undefined;
  const m = transposeA ? a.shape[ra - 1]! : a.shape[ra - 2]!;
  const k = transposeA ? a.shape[ra - 2]! : a.shape[ra - 1]!;
  const kb = transposeB ? b.shape[rb - 1]! : b.shape[rb - 2]!;
  const n = transposeB ? b.shape[rb - 2]! : b.shape[rb - 1]!;
  if (k !== kb) return undefined;
  const outerA = a.shape.slice(0, -2);
  const outerB = b.shape.slice(0, -2);
  const batchA = util.sizeFromShape(outerA);
  const batchB = util.sizeFromShape(outerB);
  if (batchA !== batchB && batchA !== 1 && batchB !== 1) return undefined;
  const outer = backend_util.assertAndGetBroadcastShape(outerA, outerB);
  return { batch: Math.max(batchA, batchB), batchA, batchB, m, n, k, outShape: [...outer, m, n] };
}
