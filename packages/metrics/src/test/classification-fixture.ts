import { readFileSync } from 'node:fs';
import type { LabelsInput } from '../label-input.js';

/** One check of `fixtures/classification.json`: a function, its options, scikit-learn's result. */
export interface FixtureCheck {
  fn: string;
  options: Record<string, unknown>;
  expected: unknown;
  warns?: boolean;
  text?: Record<string, string>;
}

/** One case: inputs, how to read them, and its checks. */
export interface FixtureCase {
  name: string;
  yTrue: number[] | number[][];
  yPred: number[] | number[][];
  options: { task?: 'binary' | 'multiclass' | 'multilabel'; threshold?: number };
  checks: FixtureCheck[];
}

/** The cases written by `scripts/classification-fixture.py`. */
export const cases: FixtureCase[] = JSON.parse(
  readFileSync(new URL('../fixtures/classification.json', import.meta.url), 'utf8'),
).cases;

/** Rows `start..end` of an input, for batching. */
export function slice(input: number[] | number[][], start: number, end: number): LabelsInput {
  return input.slice(start, end) as LabelsInput;
}
