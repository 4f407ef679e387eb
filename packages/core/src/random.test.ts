import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

describe('Random', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const [a, b, c] = [new Random(7), new Random(7), new Random(8)];
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('gives mulberry32 for seed 42 (the sequence every split and initialiser depends on)', () => {
    // Reference: the mulberry32 C function, `(t ^ t >> 14) / 2^32`, seeded with 42.
    const r = new Random(42);
    expect([r.next(), r.next(), r.next()].map((x) => x.toFixed(10))).toEqual(['0.6011037519', '0.4482905590', '0.8524657935']);
  });

  it('permutation and shuffle are permutations; nextSeed is an int31', () => {
    const p = new Random(1).permutation(1000);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
    const s = new Random(1).shuffle([5, 6, 7, 8]);
    expect([...s].sort()).toEqual([5, 6, 7, 8]);
    const seed = new Random(3).nextSeed();
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31).toBe(true);
  });

  it('rejects a non-finite seed', () => {
    expect(() => new Random(Number.NaN)).toThrow('Random: seed must be a finite number, got NaN');
  });
});
