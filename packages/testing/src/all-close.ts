import { expect } from 'vitest';

/** Tolerances of {@link expectAllClose}: element `i` passes when `|actual[i] - expected[i]| <= abs + rel * |expected[i]|`. */
export interface AllCloseOptions {
  /** Absolute tolerance. Default 1e-6. */
  abs?: number;
  /** Relative tolerance, a fraction of `|expected[i]|`. Default 1e-5. */
  rel?: number;
  /** Prefixed to the failure message, to say which comparison failed. */
  message?: string;
}

/**
 * Asserts that two arrays have the same length and agree elementwise within
 * `abs + rel * |expected|` (numpy's `assert_allclose` rule). NaN is close to nothing, NaN
 * included. Fails naming the first element out of tolerance. Compares in a plain loop: vitest's
 * `toEqual` on long typed arrays is slow.
 */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, options: AllCloseOptions = {}): void {
  const { abs = 1e-6, rel = 1e-5, message } = options;
  const prefix = message === undefined ? '' : `${message}: `;
  expect(actual.length, `${prefix}length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] ?? Number.NaN;
    const got = actual[i] ?? Number.NaN;
    if (!(Math.abs(got - want) <= abs + rel * Math.abs(want))) {
      expect.fail(`${prefix}element ${i}: got ${got}, expected ${want} (abs ${abs}, rel ${rel})`);
    }
  }
}
