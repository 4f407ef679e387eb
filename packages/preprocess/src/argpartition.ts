/** numpy's float order: NaN after every number. */
function less(a: number, b: number): boolean {
  return a < b || (Number.isNaN(b) && !Number.isNaN(a));
}

/**
 * `numpy.argpartition(values, kth)` for float64 as numpy 1.24 computes it (introselect: selection
 * sort for small `kth`, median-of-3 quickselect, median-of-medians fallback), so that ties are
 * broken the same way scikit-learn's neighbour searches break them. Returns the permutation; its
 * first `kth + 1` entries index the `kth + 1` smallest values (NaN last).
 */
export function argpartition(values: ArrayLike<number>, kth: number): Int32Array {
  return argpartitionInto(values, kth, new Int32Array(values.length));
}

/**
 * {@link argpartition} into `order` (at least `values.length` long; its first `values.length`
 * entries are overwritten and returned as a view), for callers that partition many times without
 * allocating.
 */
export function argpartitionInto(values: ArrayLike<number>, kth: number, order: Int32Array): Int32Array {
  const n = values.length;
  const view = order.length === n ? order : order.subarray(0, n);
  for (let i = 0; i < n; i++) view[i] = i;
  if (n > 0) introselect(values, view, 0, n, kth);
  return view;
}

function swap(order: Int32Array, i: number, j: number): void {
  const t = order[i]!;
  order[i] = order[j]!;
  order[j] = t;
}

/** Selects rank `kth` within `order[base, base + num)` (ranks relative to `base`). */
function introselect(v: ArrayLike<number>, order: Int32Array, base: number, num: number, kth: number): void {
  const at = (i: number) => v[order[base + i]!]!;
  let low = 0;
  let high = num - 1;
  if (kth - low < 3) {
    dumbSelect(v, order, base + low, high - low + 1, kth - low);
    return;
  }
  if (kth === num - 1) {
    // numpy's shortcut for the largest rank: the last maximum moves to the end.
    let maxIndex = low;
    let maxValue = at(low);
    for (let k = low + 1; k < num; k++) {
      if (!less(at(k), maxValue)) {
        maxIndex = k;
        maxValue = at(k);
      }
    }
    swap(order, base + kth, base + maxIndex);
    return;
  }
  let depthLimit = 2 * msb(num);
  while (low + 1 < high) {
    let ll = low + 1;
    let hh = high;
    if (depthLimit > 0 || hh - ll < 5) {
      const mid = low + ((high - low) >> 1);
      if (less(at(high), at(mid))) swap(order, base + high, base + mid);
      if (less(at(high), at(low))) swap(order, base + high, base + low);
      if (less(at(low), at(mid))) swap(order, base + low, base + mid);
      swap(order, base + mid, base + low + 1);
    } else {
      const mid = ll + medianOfMedians5(v, order, base + ll, hh - ll);
      swap(order, base + mid, base + low);
      ll--;
      hh++;
    }
    depthLimit--;
    const pivot = at(low);
    for (;;) {
      do ll++;
      while (less(at(ll), pivot));
      do hh--;
      while (less(pivot, at(hh)));
      if (hh < ll) break;
      swap(order, base + ll, base + hh);
    }
    swap(order, base + low, base + hh);
    if (hh >= kth) high = hh - 1;
    if (hh <= kth) low = ll;
  }
  if (high === low + 1 && less(at(high), at(low))) swap(order, base + high, base + low);
}

/** numpy's O(n·kth) selection sort for the smallest ranks. */
function dumbSelect(v: ArrayLike<number>, order: Int32Array, base: number, num: number, kth: number): void {
  for (let i = 0; i <= kth; i++) {
    let minIndex = i;
    let minValue = v[order[base + i]!]!;
    for (let k = i + 1; k < num; k++) {
      const value = v[order[base + k]!]!;
      if (less(value, minValue)) {
        minIndex = k;
        minValue = value;
      }
    }
    swap(order, base + i, base + minIndex);
  }
}

/** numpy's median of medians of groups of 5, returning the pivot's offset from `base`. */
function medianOfMedians5(v: ArrayLike<number>, order: Int32Array, base: number, num: number): number {
  const groups = Math.floor(num / 5);
  for (let i = 0, sub = 0; i < groups; i++, sub += 5) {
    const m = median5(v, order, base + sub);
    swap(order, base + sub + m, base + i);
  }
  if (groups > 2) introselect(v, order, base, groups, Math.floor(groups / 2));
  return Math.floor(groups / 2);
}

function median5(v: ArrayLike<number>, order: Int32Array, base: number): number {
  const at = (i: number) => v[order[base + i]!]!;
  if (less(at(1), at(0))) swap(order, base + 1, base);
  if (less(at(4), at(3))) swap(order, base + 4, base + 3);
  if (less(at(3), at(0))) swap(order, base + 3, base);
  if (less(at(4), at(1))) swap(order, base + 4, base + 1);
  if (less(at(2), at(1))) swap(order, base + 2, base + 1);
  if (less(at(3), at(2))) return less(at(3), at(1)) ? 1 : 3;
  return 2;
}

/** Index of the most significant bit, as numpy's npy_get_msb. */
function msb(n: number): number {
  let depth = 0;
  for (let u = n >>> 1; u > 0; u >>>= 1) depth++;
  return depth;
}
