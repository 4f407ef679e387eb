/**
 * Where `actual` differs from `expected` by more than `tolerance` (numbers, or arrays and plain
 * objects of them, compared natively), as a path like `[2][1]`, or null when they agree.
 */
export function mismatch(actual: unknown, expected: unknown, tolerance = 1e-7, path = ''): string | null {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: expected ${expected}, got ${String(actual)}`;
    return Math.abs(actual - expected) <= tolerance ? null : `${path}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${path}: expected ${expected.length} items, got ${JSON.stringify(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const found = mismatch(actual[i], expected[i], tolerance, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, got ${String(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const found = mismatch((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return actual === expected ? null : `${path}: expected ${String(expected)}, got ${String(actual)}`;
}
