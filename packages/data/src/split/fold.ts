/** One split of sample indices: rows to train on and rows to test on, each ascending unless shuffled. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/** What a split takes as its data: the number of samples, or anything with a `length` (rows). */
export type SplitData = number | { readonly length: number };

/** The number of samples of {@link SplitData}, validated; `fn` names the caller in errors. */
export function sampleCount(data: SplitData, fn: string): number {
  const n = typeof data === 'number' ? data : data?.length;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new Error(`${fn}: data must be a sample count or an array of samples; got ${String(data)}`);
  }
  return n;
}

/** The indices `0..n-1` where `isTest` is true, and the others, both ascending. */
export function foldFromMask(isTest: (i: number) => boolean, n: number): Fold {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) (isTest(i) ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

/** Checks `k`: an integer >= 2, no more than the number of samples. */
export function checkSplits(k: number, n: number, fn: string): void {
  if (!Number.isInteger(k) || k < 2) throw new Error(`${fn}: k must be an integer >= 2; got ${String(k)}`);
  if (k > n) throw new Error(`${fn}: k (${k}) cannot be greater than the number of samples (${n})`);
}
