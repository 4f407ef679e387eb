import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

describe('Random', () => {
  it('is reproducible by seed and gives permutations', () => {
    const a = new Random(42);
    const b = new Random(42);
    const draws = Array.from({ length: 5 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    const p = Array.from(new Random(1).permutation(50)).sort((x, y) => x - y);
    expect(p).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(() => new Random(Number.NaN)).toThrow('Random: seed must be a finite number, got NaN');
  });
});
