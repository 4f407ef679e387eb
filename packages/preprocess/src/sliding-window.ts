/** `a < b` with NaN above every number, as numpy sorts. */
function less(a: number, b: number): boolean {
  return a < b || (Number.isNaN(b) && !Number.isNaN(a));
}

/**
 * The value of rank `rank` (0 = smallest) of `values`, which it sorts in place: an insertion
 * sort, the fastest way for the few values of a small filter window.
 */
export function selectRank(values: Float32Array, rank: number): number {
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    let j = i - 1;
    while (j >= 0 && less(v, values[j]!)) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = v;
  }
  return values[rank]!;
}

/**
 * A multiset of numbers (no NaN) kept sorted in a typed array: insert and remove cost a binary
 * search and one `copyWithin`, so sliding a window by one column is O(window), not a sort.
 */
export class SlidingWindow {
  private readonly values: Float32Array;
  private count = 0;

  /** @param capacity the most values held at once */
  constructor(capacity: number) {
    this.values = new Float32Array(capacity);
  }

  /** Empties the window. */
  clear(): void {
    this.count = 0;
  }

  /** Adds one value. */
  insert(v: number): void {
    const i = this.lowerBound(v);
    this.values.copyWithin(i + 1, i, this.count);
    this.values[i] = v;
    this.count++;
  }

  /** Removes one copy of `v`, which must be held. */
  remove(v: number): void {
    const i = this.lowerBound(Math.fround(v));
    this.values.copyWithin(i, i + 1, this.count);
    this.count--;
  }

  /** The value of rank `rank` (0 = smallest). */
  at(rank: number): number {
    return this.values[rank]!;
  }

  private lowerBound(v: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.values[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
