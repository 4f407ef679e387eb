import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  explainedVariance,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  r2Score,
  type ValuesInput,
} from './index.js';

// Fixture written by scripts/regression-fixture.py with scikit-learn 1.2.1 (/usr/bin/python3):
// every regression metric over multioutput, sampleWeight, squared and forceFinite, on one and
// several outputs, constant outputs, zero targets, one sample, all-zero, negative and NaN weights
// and NaN inputs. null in an input stands for NaN; "nan", "inf", "-inf" for those results.
import fixture from './fixtures/regression.json' with { type: 'json' };

type Options = Record<string, unknown>;
const FUNCTIONS: Record<string, (t: ValuesInput, p: ValuesInput, o: never) => number | number[]> = {
  meanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  r2Score,
  explainedVariance,
};

const nanOf = (xs: unknown): unknown => (Array.isArray(xs) ? xs.map(nanOf) : xs === null ? Number.NaN : xs);
const numberOf = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(numberOf) : x === 'nan' ? Number.NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : x;

/** Equal as float64 results of a different summation order: within 1e-9, relative beyond 1. */
function close(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => close(actual[i], e));
  if (typeof expected !== 'number' || typeof actual !== 'number') return false;
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("scikit-learn 1.2's regression metrics", () => {
  for (const c of fixture.cases) {
    it(`equal ours: ${c.name}`, () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const yTrue = nanOf(c.yTrue) as number[] | number[][];
      const yPred = nanOf(c.yPred) as number[] | number[][];
      for (const check of c.checks) {
        const options = { ...(check.options as Options) };
        if (options.sampleWeight) options.sampleWeight = nanOf(options.sampleWeight);
        const label = `${c.name}: ${check.fn}(${JSON.stringify(check.options)})`;
        const fn = FUNCTIONS[check.fn]!;
        if (check.expected === 'error') {
          expect(() => fn(yTrue, yPred, options as never), label).toThrow();
          continue;
        }
        warn.mockClear();
        const actual = fn(yTrue, yPred, options as never);
        expect(close(actual, numberOf(check.expected)), `${label}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(check.expected)}`).toBe(true);
        expect(warn.mock.calls.some(([m]) => !String(m).includes('tfjs-node')), `${label} warns`).toBe(check.warns);
      }
    });
  }

  it('read tensors as well as arrays, leaving nothing behind', () => {
    const yTrue = tf.tensor2d([[0.5, 1], [-1, 1], [7, -6]]);
    const yPred = tf.tensor2d([[0, 2], [-1, 2], [8, -5]]);
    const weight = tf.tensor1d([1, 2, 0.5]);
    expectNoLeak(() => {
      // scikit-learn: mean_squared_error([[0.5, 1], [-1, 1], [7, -6]], [[0, 2], [-1, 2], [8, -5]]) = 0.7083333333333334
      expect(meanSquaredError(yTrue, yPred)).toBeCloseTo(0.7083333333333334, 12);
      // r2_score(..., sample_weight=[1, 2, 0.5], multioutput="raw_values") = [0.9707112970711297, 0.8333333333333334]
      const r2 = r2Score(yTrue, yPred, { sampleWeight: weight, multioutput: 'raw_values' });
      expect(r2[0]).toBeCloseTo(0.9707112970711297, 12);
      expect(r2[1]).toBeCloseTo(0.8333333333333334, 12);
    });
    tf.dispose([yTrue, yPred, weight]);
  });

  it('reject unknown options, naming them', () => {
    expect(() => meanSquaredError([1], [1], { squard: false } as never)).toThrow(
      "meanSquaredError: unknown option 'squard' (did you mean 'squared'?)",
    );
    expect(() => r2Score([1, 2], [1, 2], { force_finite: false } as never)).toThrow(
      "r2Score: unknown option 'force_finite' (did you mean 'forceFinite'?)",
    );
    expect(() => meanAbsoluteError([1], [1], { multiOutput: 'raw_values' } as never)).toThrow(
      "meanAbsoluteError: unknown option 'multiOutput' (did you mean 'multioutput'?)",
    );
    expect(() => meanAbsolutePercentageError([1], [1], { sample_weight: [1] } as never)).toThrow("did you mean 'sampleWeight'?");
    expect(() => explainedVariance([1], [1], { multioutput: 'variance' } as never)).toThrow(
      "explainedVariance: multioutput must be one of 'raw_values', 'uniform_average', 'variance_weighted' or an array of finite number",
    );
  });

  it('name the shape, option or value at fault', () => {
    expect(() => meanSquaredError([1, 2, Number.NaN], [1, 2, 3])).toThrow('meanSquaredError: yTrue[2] is NaN');
    expect(() => meanSquaredError([[1, 2]], [[1, Number.POSITIVE_INFINITY]])).toThrow('meanSquaredError: yPred[0][1] is Infinity');
    expect(() => meanSquaredError([1, 2], [1, 2, 3])).toThrow('meanSquaredError: yTrue has 2 samples but yPred has 3');
    expect(() => meanSquaredError([[1, 2]], [[1, 2, 3]])).toThrow('meanSquaredError: yTrue has 2 outputs but yPred has 3');
    expect(() => meanSquaredError([1, 2], [1, 2], { sampleWeight: [1] })).toThrow('meanSquaredError: sampleWeight must have one weight per sample, shape [2]; got shape [1]');
    expect(() => meanSquaredError([1, 2], [1, 2], { sampleWeight: [0, 0] })).toThrow('meanSquaredError: the weights (sampleWeight) sum to zero');
    expect(() => meanSquaredError([1, 2], [1, 2], { multioutput: [1, 2] })).toThrow('multioutput weights are only for several outputs');
    expect(() => meanSquaredError([], [])).toThrow('meanSquaredError: yTrue and yPred are empty');
  });
});
