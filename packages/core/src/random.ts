/**
 * A small seeded pseudo-random generator (mulberry32) for everything lab shuffles, splits or
 * samples in JavaScript. Not cryptographic; chosen because it is tiny, fast and has a full 2^32
 * period, so the same seed gives the same run on every platform.
 */
export class Random {
  private state: number;

  /** @param seed any finite number; it is reduced to 32 bits. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Random: seed must be a finite number, got ${seed}`);
    this.state = Math.floor(seed) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, 2^31), used to derive seeds for tfjs initialisers. */
  nextSeed(): number {
    return Math.floor(this.next() * 2147483648);
  }

  /** Shuffles `values` in place (Fisher–Yates) and returns it. */
  shuffle<A extends { [index: number]: number; length: number }>(values: A): A {
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = values[i]!;
      values[i] = values[j]!;
      values[j] = tmp;
    }
    return values;
  }

  /** A permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return this.shuffle(out);
  }
}
