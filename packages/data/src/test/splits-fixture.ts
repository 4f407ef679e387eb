import { readFileSync } from 'node:fs';

interface FixtureFold {
  train: number[];
  test: number[];
}

/** What `scripts/splits-fixture.py` wrote from scikit-learn. */
export interface SplitsFixture {
  kFold: { n: number; k: number; folds: FixtureFold[] }[];
  kFoldShuffledSizes: { n: number; k: number; testSizes: number[] }[];
  stratifiedKFold: { labels: number[]; k: number; folds: FixtureFold[] }[];
  trainTestSplitSizes: { n: number; testSize: number; train: number; test: number }[];
  stratifiedSplitSizes: { labels: number[]; testSize: number; train: number; test: number; testPerClass: number[] }[];
}

/** The fixture, read with JSON.parse (importing it would make TypeScript infer its whole type). */
export const splits: SplitsFixture = JSON.parse(readFileSync(new URL('../fixtures/splits.json', import.meta.url), 'utf8'));

/** A fold as plain arrays, for comparison with the fixture. */
export function plain(fold: { train: Int32Array; test: Int32Array }): FixtureFold {
  return { train: Array.from(fold.train), test: Array.from(fold.test) };
}

/** True when the test sets of `folds` hold every index of 0..n-1 exactly once, each disjoint from its train set. */
export function partitions(folds: { train: Int32Array; test: Int32Array }[], n: number): boolean {
  const seen = new Uint8Array(n);
  for (const { train, test } of folds) {
    if (train.length + test.length !== n) return false;
    const inFold = new Uint8Array(n);
    for (const i of test) {
      if (seen[i]) return false;
      seen[i] = 1;
      inFold[i] = 1;
    }
    for (const i of train) {
      if (inFold[i]) return false;
      inFold[i] = 2;
    }
    if (inFold.some((v) => v === 0)) return false;
  }
  return seen.every((v) => v === 1);
}
