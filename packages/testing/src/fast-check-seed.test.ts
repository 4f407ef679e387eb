import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CI_FAST_CHECK_SEED, fixFastCheckSeed } from './fast-check-seed.js';

describe('fixFastCheckSeed', () => {
  const saved = fc.readConfigureGlobal();
  afterEach(() => fc.configureGlobal(saved));

  it('fixes the seed in CI, or to LAB_FAST_CHECK_SEED, and leaves it random elsewhere', () => {
    fc.resetConfigureGlobal();
    expect(fixFastCheckSeed({})).toBeUndefined();
    expect(fc.readConfigureGlobal().seed).toBeUndefined();
    expect(fixFastCheckSeed({ CI: 'true' })).toBe(CI_FAST_CHECK_SEED);
    expect(fc.readConfigureGlobal().seed).toBe(CI_FAST_CHECK_SEED);
    expect(fixFastCheckSeed({ LAB_FAST_CHECK_SEED: '42' })).toBe(42);
    expect(() => fixFastCheckSeed({ LAB_FAST_CHECK_SEED: 'x' })).toThrow('LAB_FAST_CHECK_SEED must be an integer, got "x"');
  });

  it('makes two runs of a property draw the same values', () => {
    fixFastCheckSeed({ CI: 'true' });
    const draw = () => {
      const seen: number[] = [];
      fc.assert(fc.property(fc.integer(), (v) => void seen.push(v)), { numRuns: 5 });
      return seen;
    };
    expect(draw()).toEqual(draw());
  });
});
