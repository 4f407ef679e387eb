import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { averagePrecisionScore, precisionRecallCurve, rocAucScore, rocCurve, type ValuesInput } from './index.js';

// Fixture written by scripts/ranking-fixture.py with scikit-learn 1.2.1 (/usr/bin/python3):
// roc_curve (drop_intermediate both ways), precision_recall_curve, roc_auc_score and
// average_precision_score on binary data with ties and weights (some 0), labels {1, 2} and
// {-1, 1} with pos_label, one class only, all-zero and NaN weights, NaN scores, multilabel data
// (every average, a label never true) and multiclass probabilities (ovr and raise, labels).
import fixture from './fixtures/ranking.json' with { type: 'json' };

type Options = Record<string, unknown>;
const FUNCTIONS: Record<string, (t: ValuesInput, s: ValuesInput, o: never) => unknown> = {
  rocCurve,
  precisionRecallCurve,
  rocAucScore,
  averagePrecisionScore,
};

const nanOf = (xs: unknown): unknown => (Array.isArray(xs) ? xs.map(nanOf) : xs === null ? Number.NaN : xs);

/** Float64 results of a different summation order agree within 1e-9; "nan" matches NaN. */
function mismatch(actual: unknown, expected: unknown, path = ''): string | null {
  if (expected === 'nan') return typeof actual === 'number' && Number.isNaN(actual) ? null : `${path}: expected NaN, got ${actual}`;
  if (typeof expected === 'number') {
    return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
      ? null
      : `${path}: expected ${expected}, got ${String(actual)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${path}: expected ${expected.length} items, got ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const found = mismatch(actual[i], expected[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      const found = mismatch((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return `${path}: unexpected ${String(expected)}`;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("scikit-learn 1.2's curves and ranking scores", () => {
  for (const c of fixture.cases) {
    it(`equal ours: ${c.name}`, () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const yTrue = c.yTrue as ValuesInput;
      const yScore = nanOf(c.yScore) as ValuesInput;
      for (const check of c.checks) {
        const options = { ...(check.options as Options) };
        if (options.sampleWeight) options.sampleWeight = nanOf(options.sampleWeight);
        const label = `${c.name}: ${check.fn}(${JSON.stringify(check.options)})`;
        const fn = FUNCTIONS[check.fn]!;
        if (check.expected === 'error') {
          expect(() => fn(yTrue, yScore, options as never), label).toThrow();
          continue;
        }
        warn.mockClear();
        expect(mismatch(fn(yTrue, yScore, options as never), check.expected), label).toBeNull();
        expect(warn.mock.calls.some(([m]) => !String(m).includes('tfjs-node')), `${label} warns`).toBe(check.warns);
      }
    });
  }

  it('read tensors, leaving nothing behind', () => {
    const yTrue = tf.tensor1d([0, 0, 1, 1], 'int32');
    const yScore = tf.tensor1d([0.125, 0.375, 0.25, 0.75]);
    expectNoLeak(() => {
      // roc_auc_score([0, 0, 1, 1], [0.125, 0.375, 0.25, 0.75]) = 0.75, average_precision_score = 0.8333333333333333
      expect(rocAucScore(yTrue, yScore)).toBe(0.75);
      expect(averagePrecisionScore(yTrue, yScore)).toBeCloseTo(0.8333333333333333, 15);
      expect(rocCurve(yTrue, yScore).thresholds).toEqual([1.75, 0.75, 0.375, 0.25, 0.125]);
    });
    tf.dispose([yTrue, yScore]);
  });

  it('reject unknown options and bad input, naming them', () => {
    expect(() => rocAucScore([0, 1], [0.2, 0.7], { multi_class: 'ovr' } as never)).toThrow(
      "rocAucScore: unknown option 'multi_class' (did you mean 'multiClass'?)",
    );
    expect(() => rocCurve([0, 1], [0.2, 0.7], { drop_intermediate: false } as never)).toThrow("did you mean 'dropIntermediate'?");
    expect(() => precisionRecallCurve([0, 1], [0.2, 0.7], { poslabel: 1 } as never)).toThrow("did you mean 'posLabel'?");
    expect(() => averagePrecisionScore([0, 1], [0.2, 0.7], { averge: 'micro' } as never)).toThrow("did you mean 'average'?");
    expect(() => rocAucScore([0, 1, 1], [0.2, Number.NaN, 0.4])).toThrow('rocAucScore: yScore[1] is NaN');
    expect(() => rocAucScore([0, 1, 1], [0.2, 0.3, 0.4], { sampleWeight: [1, Number.NaN, 1] })).toThrow('rocAucScore: sampleWeight[1] is NaN');
    expect(() => rocAucScore([0, 0], [0.2, 0.3])).toThrow('rocAucScore: only one class is present in yTrue');
    expect(() => rocAucScore([0, 1, 2], [[0.2, 0.3, 0.5], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]])).toThrow("pass multiClass: 'ovr'");
    expect(() => rocCurve([1, 2], [0.2, 0.3])).toThrow('rocCurve: yTrue takes values {1, 2} and posLabel is not given');
    expect(() => averagePrecisionScore([0, 1, 2], [0.1, 0.2, 0.3])).toThrow('averagePrecisionScore: yTrue is multiclass');
  });
});
