/**
 * The index of the first element where `actual` and `expected` differ by more than
 * `rtol·|expected| + atol` (NaN matches NaN), or -1 when all are close. Typed arrays are compared
 * natively: vitest's `toEqual` on long arrays is slow.
 */
export function firstMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, atol = 0): number {
  if (actual.length !== expected.length) return Math.min(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) ? !Number.isNaN(a) : !(Math.abs(a - e) <= rtol * Math.abs(e) + atol)) return i;
  }
  return -1;
}

/** A readable report of {@link firstMismatch}'s result, for assertion messages. */
export function describeMismatch(actual: ArrayLike<number>, expected: ArrayLike<number>, index: number): string {
  return index < 0 ? 'all close' : `at ${index}: got ${actual[index]}, expected ${expected[index]} (lengths ${actual.length}, ${expected.length})`;
}
