// scikit-learn 1.2 as the reference: scripts/sklearn-scalers.py wrote the fixture (every fitted
// attribute, transform and inverse_transform of StandardScaler, MinMaxScaler, RobustScaler and
// MaxAbsScaler on tables with constant and all-NaN columns, NaN cells, one row and outliers, and
// partial_fit sequences), null standing for NaN or None.
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/scalers-sklearn.json' with { type: 'json' };
import { MaxAbsScaler } from './max-abs-scaler.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { RobustScaler } from './robust-scaler.js';
import { StandardScaler } from './standard-scaler.js';
import { describeMismatch, firstMismatch } from './test/close.js';

type Rows = (number | null)[][];
type Scaler = StandardScaler | MinMaxScaler | RobustScaler | MaxAbsScaler;
const nan = (rows: Rows) => rows.map((row) => row.map((v) => v ?? Number.NaN));
const make = (kind: string, options: object): Scaler => {
  switch (kind) {
    case 'StandardScaler':
      return new StandardScaler(options);
    case 'MinMaxScaler':
      return new MinMaxScaler(options);
    case 'RobustScaler':
      return new RobustScaler(options);
    default:
      return new MaxAbsScaler(options as Record<string, never>);
  }
};
const ATTRIBUTES = ['mean_', 'var_', 'scale_', 'nSamplesSeen_', 'dataMin_', 'dataMax_', 'dataRange_', 'min_', 'center_', 'maxAbs_', 'nFeaturesIn_'];

function expectClose(actual: ArrayLike<number> | number | undefined, expected: (number | null)[] | number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeUndefined();
    return;
  }
  if (typeof expected === 'number') {
    expect(actual, what).toBe(expected);
    return;
  }
  const want = expected.map((v) => v ?? Number.NaN);
  const got = Array.from(actual as ArrayLike<number>);
  const index = firstMismatch(got, want, 1e-10, 1e-12);
  expect(index, `${what}: ${describeMismatch(got, want, index)}`).toBe(-1);
}

function expectAttributes(scaler: Scaler, expected: Record<string, unknown>): void {
  for (const name of ATTRIBUTES) {
    if (name in expected) expectClose((scaler as unknown as Record<string, ArrayLike<number>>)[name], expected[name] as (number | null)[], name);
    else expect(name in scaler ? (scaler as unknown as Record<string, unknown>)[name] : undefined, name).toBeUndefined();
  }
}

describe('scalers equal scikit-learn 1.2: every fitted attribute, transform, inverseTransform', () => {
  const tables = fixture.tables as Record<string, Rows>;
  const others = fixture.others as Record<string, Rows>;
  it.each(fixture.cases.map((c) => [c.scaler, JSON.stringify(c.options), c.fit, c] as const))('%s %s on %s', (kind, _o, fit, c) => {
    const x = nan(tables[fit]!);
    const other = nan(others[String(x[0]!.length)]!);
    const scaler = make(kind, c.options).fit(x);
    expectAttributes(scaler, c as unknown as Record<string, unknown>);
    expectClose(scaler.transform(x).flat(), (c.transformed as Rows).flat(), 'transform');
    expectClose(scaler.transform(other).flat(), (c.otherTransformed as Rows).flat(), 'transform of another table');
    expectClose(scaler.inverseTransform(other).flat(), (c.otherInverse as Rows).flat(), 'inverseTransform');
    // Through JSON: the same attributes and the same numbers.
    const restored = (scaler.constructor as unknown as { fromJSON(j: unknown): Scaler }).fromJSON(JSON.parse(JSON.stringify(scaler.toJSON())));
    expectAttributes(restored, c as unknown as Record<string, unknown>);
    expectClose(restored.transform(other).flat(), (c.otherTransformed as Rows).flat(), 'transform after JSON');
  });

  it('covers the edge cases for every scaler', () => {
    for (const kind of ['StandardScaler', 'MinMaxScaler', 'RobustScaler', 'MaxAbsScaler']) {
      const fits = new Set(fixture.cases.filter((c) => c.scaler === kind).map((c) => c.fit));
      expect([...fits].sort()).toEqual(['allNaNCol', 'constantCol', 'outliers', 'random', 'single', 'withNaN']);
    }
  });
});

describe('partialFit equals scikit-learn partial_fit, batch by batch', () => {
  it.each(fixture.partialFit.map((c) => [c.scaler, JSON.stringify(c.options), c.name, c] as const))('%s %s on %s', (kind, _o, _n, c) => {
    const scaler = make(kind, c.options) as StandardScaler | MinMaxScaler | MaxAbsScaler;
    for (const [i, step] of c.steps.entries()) {
      scaler.partialFit(nan(step.batch as Rows));
      try {
        expectAttributes(scaler, step as unknown as Record<string, unknown>);
      } catch (error) {
        throw new Error(`after batch ${i}: ${(error as Error).message}`);
      }
    }
    const probe = nan(c.steps[0]!.batch as Rows);
    expectClose(scaler.transform(probe).flat(), (c.probeTransformed as Rows).flat(), 'transform');
  });
});
