import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

describe('Random', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = new Random(7);
    const b = new Random(7);
    const c = new Random(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('permutation is a permutation', () => {
    const p = new Random(1).permutation(1000);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('rejects a non-finite seed', () => {
    expect(() => new Random(Number.NaN)).toThrow(/seed must be a finite number/);
  });
});
