// Exact references for the kernels' tests: float64 products and seeded random inputs.

/** A seeded uniform generator in [-1, 1) (mulberry32). */
export function randoms(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  };
}

/** `size` seeded values as float32. */
export function randomArray(size: number, seed: number): Float32Array {
  const next = randoms(seed);
  return Float32Array.from({ length: size }, next);
}

/**
 * The largest error of `c` against the float64 product `op(a) · op(b)` (row-major, one batch),
 * relative to Σ_k |a_ik b_kj| — the scale of the rounding error any summation order makes.
 */
export function matMulError(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  m: number,
  n: number,
  k: number,
  transposeA: boolean,
  transposeB: boolean,
): number {
  let worst = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      let scale = 0;
      for (let p = 0; p < k; p++) {
        const x = a[transposeA ? p * m + i : i * k + p]! * b[transposeB ? j * k + p : p * n + j]!;
        sum += x;
        scale += Math.abs(x);
      }
      worst = Math.max(worst, Math.abs(c[i * n + j]! - sum) / Math.max(scale, 1e-30));
    }
  }
  return worst;
}
