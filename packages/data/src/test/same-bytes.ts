import { expect } from 'vitest';

/**
 * Asserts two byte arrays are equal. Vitest's toEqual walks typed arrays element by element
 * (about 1.5 s for 200 kB), so large ones are compared natively and only the first difference shown.
 */
export function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(actual.length).toBe(expected.length);
  const a = Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength);
  if (a.equals(expected)) return;
  const at = a.findIndex((byte, i) => byte !== expected[i]);
  expect({ at, byte: actual[at] }).toEqual({ at, byte: expected[at] });
}
