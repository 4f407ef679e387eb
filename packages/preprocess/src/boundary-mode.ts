/**
 * How a filter sees past the edge of its input, with `scipy.ndimage`'s meaning of each name
 * (input `a b c d`):
 * - `reflect` (default): `d c b a | a b c d | d c b a`, the edge value repeated once;
 * - `mirror`: `d c b | a b c d | c b a`, the edge value not repeated;
 * - `nearest`: `a a a a | a b c d | d d d d`;
 * - `constant`: `k k k k | a b c d | k k k k` with `k = cval` (default 0);
 * - `wrap`: `a b c d | a b c d | a b c d`.
 * Windows wider than the input keep extending the same pattern.
 */
export type BoundaryMode = 'reflect' | 'mirror' | 'nearest' | 'constant' | 'wrap';

/** Every {@link BoundaryMode}, for validation and help texts. */
export const BOUNDARY_MODES: readonly BoundaryMode[] = ['reflect', 'mirror', 'nearest', 'constant', 'wrap'];

/**
 * The input index that position `i` (any integer) reads from on an axis of length `n >= 1`, or
 * -1 for `constant` mode outside `[0, n)`.
 */
export function boundaryIndex(i: number, n: number, mode: BoundaryMode): number {
  if (i >= 0 && i < n) return i;
  switch (mode) {
    case 'constant':
      return -1;
    case 'nearest':
      return i < 0 ? 0 : n - 1;
    case 'wrap':
      return positiveMod(i, n);
    case 'reflect': {
      const j = positiveMod(i, 2 * n);
      return j < n ? j : 2 * n - 1 - j;
    }
    case 'mirror': {
      if (n === 1) return 0;
      const j = positiveMod(i, 2 * n - 2);
      return j < n ? j : 2 * n - 2 - j;
    }
  }
}

/**
 * For a window of `size` taps with scipy's centring (`size // 2` taps before the centre), the
 * input index read by each position of the extended axis: `n + size - 1` entries, -1 for `cval`.
 */
export function extendedIndices(n: number, size: number, mode: BoundaryMode): Int32Array {
  const before = Math.floor(size / 2);
  const indices = new Int32Array(n + size - 1);
  for (let i = 0; i < indices.length; i++) indices[i] = boundaryIndex(i - before, n, mode);
  return indices;
}

function positiveMod(i: number, n: number): number {
  return ((i % n) + n) % n;
}
