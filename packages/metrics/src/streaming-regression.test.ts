import { expectNoLeak } from '@lab/testing';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PENDING_VALUES_LIMIT } from './host-batch-metric.js';
import {
  ExplainedVariance,
  explainedVariance,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredError,
  type Metric,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  R2Score,
  RootMeanSquaredError,
  r2Score,
  type ValuesInput,
} from './index.js';

// The fixture of regression.test.ts, written by scripts/regression-fixture.py with scikit-learn
// 1.2.1 (/usr/bin/python3); regression.test.ts checks the functions against it. Here each check
// also runs on the streaming twin over uneven batches (sizes 5, 1, 7, repeated), as JS arrays and
// as tensors, and must give the function's result on the concatenation: to the last bit for the
// mean errors, within 1e-12 for R² and explained variance (running sums against two passes), and
// scikit-learn's within 1e-9. null in an input stands for NaN; "nan", "inf" for those results.
import fixture from './fixtures/regression.json' with { type: 'json' };

type Options = Record<string, unknown>;
type Value = number | number[];
const FUNCTIONS: Record<string, (t: ValuesInput, p: ValuesInput, o: never) => Value> = {
  meanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  r2Score,
  explainedVariance,
};
/** The streaming twins of a fixture check: `squared: false` runs on MeanSquaredError and on Keras' RootMeanSquaredError. */
function twins(fn: string, options: Options): (() => Metric<Value>)[] {
  if (fn === 'meanSquaredError') {
    const { squared, ...rest } = options;
    return squared === false ? [() => new MeanSquaredError(options), () => new RootMeanSquaredError(rest)] : [() => new MeanSquaredError(options)];
  }
  const make: Record<string, () => Metric<Value>> = {
    meanAbsoluteError: () => new MeanAbsoluteError(options),
    meanAbsolutePercentageError: () => new MeanAbsolutePercentageError(options),
    r2Score: () => new R2Score(options),
    explainedVariance: () => new ExplainedVariance(options),
  };
  return [make[fn]!];
}

const nanOf = (xs: unknown): unknown => (Array.isArray(xs) ? xs.map(nanOf) : xs === null ? Number.NaN : xs);
const numberOf = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(numberOf) : x === 'nan' ? Number.NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : x;

function close(actual: unknown, expected: unknown, tolerance: number): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => close(actual[i], e, tolerance));
  if (typeof expected !== 'number' || typeof actual !== 'number') return false;
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** Cuts `n` samples into batches of 5, 1, 7, 5, 1, 7, … (the last one shorter). */
function cuts(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0, k = 0; start < n; k++) {
    const end = Math.min(n, start + [5, 1, 7][k % 3]!);
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** Feeds `metric` the batches of (yTrue, yPred, weights), as arrays or as tensors (disposed after each update). */
function feed(metric: Metric<Value>, t: unknown[], p: unknown[], w: number[] | undefined, asTensors: boolean): void {
  for (const [a, b] of cuts(t.length)) {
    const slice = (x: unknown[]) => x.slice(a, b) as number[] | number[][];
    const inputs = [slice(t), slice(p), w?.slice(a, b)] as const;
    if (!asTensors) {
      metric.update(inputs[0], inputs[1], inputs[2]);
      continue;
    }
    const tensors = inputs.map((x) => (x === undefined ? undefined : tf.tensor(x)));
    metric.update(tensors[0]!, tensors[1]!, tensors[2]);
    tf.dispose(tensors.filter((x) => x !== undefined));
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('streaming regression metrics on scikit-learn 1.2 fixtures, over batches of 5, 1, 7', () => {
  for (const c of fixture.cases) {
    it(`equal the functions on the concatenation: ${c.name}`, () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const yTrue = nanOf(c.yTrue) as unknown[];
      const yPred = nanOf(c.yPred) as unknown[];
      for (const check of c.checks) {
        const { sampleWeight, ...options } = check.options as Options;
        const weights = sampleWeight === undefined ? undefined : (nanOf(sampleWeight) as number[]);
        const exact = !['r2Score', 'explainedVariance'].includes(check.fn);
        for (const [asTensors, make] of [false, true].flatMap((a) => twins(check.fn, options).map((m) => [a, m] as const))) {
          const label = `${c.name}: ${check.fn}(${JSON.stringify(check.options)})${asTensors ? ' on tensors' : ''}`;
          const run = () => {
            const metric = make();
            try {
              feed(metric, yTrue, yPred, weights, asTensors);
              return metric.computeSync();
            } finally {
              metric.dispose();
            }
          };
          if (check.expected === 'error') {
            expect(run, label).toThrow();
            continue;
          }
          warn.mockClear();
          const before = tf.memory().numTensors;
          const actual = run();
          expect(tf.memory().numTensors, `${label} leaks`).toBe(before);
          expect(warn.mock.calls.some(([m]) => !String(m).includes('tfjs-node')), `${label} warns`).toBe(check.warns);
          // The function on the same values: float32 ones for tensors.
          const f32 = (x: unknown[]) => tf.tidy(() => tf.tensor(x as number[]).arraySync() as number[] | number[][]);
          const whole = asTensors ? [f32(yTrue), f32(yPred)] : [yTrue as number[], yPred as number[]];
          const functional = FUNCTIONS[check.fn]!(whole[0]!, whole[1]!, { ...options, sampleWeight: weights && (asTensors ? f32(weights) : weights) } as never);
          if (exact) expect(actual, label).toEqual(functional);
          else expect(close(actual, functional, 1e-12), `${label}: got ${JSON.stringify(actual)}, the function ${JSON.stringify(functional)}`).toBe(true);
          if (!asTensors) expect(close(actual, numberOf(check.expected), 1e-9), `${label}: got ${JSON.stringify(actual)}, scikit-learn ${JSON.stringify(check.expected)}`).toBe(true);
        }
      }
    });
  }
});

describe('streaming regression metrics', () => {
  const batches = [
    [[0.5, 1], [-1, 1], [7, -6]],
    [[2, 0]],
    [[0, 0], [1, 3], [4, 4], [-2, 5]],
  ];
  const predictions = [
    [[0, 2], [-1, 2], [8, -5]],
    [[2.5, -1]],
    [[0.5, 0], [1, 2], [3, 4.5], [-2, 4]],
  ];
  const weights = [[1, 2, 0.5], [3], [0.25, 1, 1, 2]];

  it('leave no tensor behind, and never read one in update', async () => {
    const metrics = [new MeanSquaredError(), new RootMeanSquaredError(), new MeanAbsoluteError(), new MeanAbsolutePercentageError(), new R2Score(), new ExplainedVariance()];
    const tensors = batches.map((b, i) => [tf.tensor2d(b), tf.tensor2d(predictions[i]!), tf.tensor1d(weights[i]!)] as const);
    await expectNoLeak(async () => {
      const readSync = vi.spyOn(tf.backend(), 'readSync');
      const read = vi.spyOn(tf.backend(), 'read');
      for (const m of metrics) for (const [t, p, w] of tensors) tf.tidy(() => m.update(t, p, w));
      expect(readSync).not.toHaveBeenCalled();
      expect(read).not.toHaveBeenCalled();
      vi.restoreAllMocks();
      for (const m of metrics) await m.compute();
      for (const m of metrics) for (const [t, p] of tensors) m.update(t, p);
      for (const m of metrics) m.reset();
      return [];
    });
    tf.dispose(tensors.flat());
    for (const m of metrics) m.dispose();
  });

  it('hold clones of the waiting batches only until compute, reset or dispose', async () => {
    const t = tf.tensor1d([1, 2, 3]);
    const p = tf.tensor1d([1, 2, 4]);
    const before = tf.memory().numTensors;
    const metric = new R2Score();
    metric.update(t, p);
    metric.update(t, p);
    expect(tf.memory().numTensors).toBe(before + 4);
    // The caller's tensors may be disposed right after update.
    tf.dispose([t, p]);
    // r2_score([1, 2, 3, 1, 2, 3], [1, 2, 4, 1, 2, 4]) = 0.5
    expect(await metric.compute()).toBe(0.5);
    expect(tf.memory().numTensors).toBe(before - 2);
    metric.update([1, 2], [1, 2]);
    // r2_score([1, 2, 3, 1, 2, 3, 1, 2], [1, 2, 4, 1, 2, 4, 1, 2]) = 0.5897435897435898
    expect(metric.computeSync()).toBeCloseTo(0.5897435897435898, 14);
    metric.dispose();
    expect(tf.memory().numTensors).toBe(before - 2);
  });

  it('fold waiting batches in update past the limit, so memory stays bounded', () => {
    const n = PENDING_VALUES_LIMIT / 2 + 1;
    const t = tf.fill([n], 2);
    const p = tf.fill([n], 1);
    const metric = new MeanAbsoluteError();
    const before = tf.memory().numTensors;
    const readSync = vi.spyOn(tf.backend(), 'readSync');
    metric.update(t, p);
    expect(readSync).toHaveBeenCalledTimes(2);
    expect(tf.memory().numTensors).toBe(before);
    vi.restoreAllMocks();
    expect(metric.computeSync()).toBe(1);
    metric.dispose();
    tf.dispose([t, p]);
  });

  it('give MeanSquaredError({ squared: false }) and RootMeanSquaredError the same numbers, per output too', () => {
    const options = { multioutput: 'raw_values' } as const;
    const a = new MeanSquaredError({ squared: false, ...options });
    const b = new RootMeanSquaredError(options);
    batches.forEach((batch, i) => {
      a.update(batch, predictions[i]!, weights[i]);
      b.update(batch, predictions[i]!, weights[i]);
    });
    const expected = meanSquaredError(batches.flat(), predictions.flat(), { squared: false, sampleWeight: weights.flat(), ...options });
    const value: number[] = a.computeSync();
    expect(value).toEqual(expected);
    expect(b.computeSync()).toEqual(expected);
    expect(a.squared).toBe(false);
    a.dispose();
    b.dispose();
  });

  it('equal the functions for any batching, weights and multioutput (fast-check)', () => {
    // Values with 3 decimals, as the fixture's; weights multiples of 1/4, some 0.
    const thousandths = fc.integer({ min: -1e6, max: 1e6 }).map((v) => v / 1000);
    const rows = fc.array(fc.tuple(thousandths, thousandths, fc.integer({ min: 0, max: 8 })), { minLength: 2, maxLength: 40 });
    const multioutputs = fc.constantFrom<'raw_values' | 'uniform_average' | 'variance_weighted'>('raw_values', 'uniform_average', 'variance_weighted');
    fc.assert(
      fc.property(rows, fc.array(fc.integer({ min: 1, max: 39 }), { maxLength: 5 }), multioutputs, (data, cutPoints, multioutput) => {
        // Two outputs: the targets, and the targets shifted by 1e6 (a large mean must not cancel the variance away).
        const t = data.map(([y]) => [y, y + 1e6]);
        const p = data.map(([y, e]) => [y + e, y + 1e6 + e / 2]);
        const w = data.map(([, , k]) => k / 4);
        if (!w.some((x) => x !== 0)) w[0] = 1;
        // A variance that is zero in exact arithmetic is rounding noise in both (and in scikit-learn),
        // which forceFinite turns into 1 or 0 either way: those cases are the fixture's, exact there.
        const spread = (xs: number[]) => {
          const kept = xs.filter((_, i) => w[i] !== 0);
          // Relative to the values' size: a spread far below it (the 1e6-shifted output with a few
          // close targets) is ill-conditioned, and the two orders of summation differ by more than 1e-12.
          return (Math.max(...kept) - Math.min(...kept)) / Math.max(1, ...kept.map(Math.abs));
        };
        for (const j of [0, 1]) fc.pre(spread(t.map((r) => r[j]!)) > 1e-4 && spread(t.map((r, i) => r[j]! - p[i]![j]!)) > 1e-4);
        const edges = [0, ...cutPoints.filter((c) => c < data.length).sort((a, b) => a - b), data.length];
        const feedAll = (metric: Metric<Value>) => {
          for (let k = 1; k < edges.length; k++) metric.update(t.slice(edges[k - 1], edges[k]), p.slice(edges[k - 1], edges[k]), w.slice(edges[k - 1], edges[k]));
          const value = metric.computeSync();
          metric.dispose();
          return value;
        };
        const mseOptions = { multioutput: multioutput === 'variance_weighted' ? 'raw_values' : multioutput } as const;
        const mse = feedAll(new MeanSquaredError(mseOptions));
        const r2 = feedAll(new R2Score({ multioutput }));
        const ev = feedAll(new ExplainedVariance({ multioutput }));
        expect(mse).toEqual(meanSquaredError(t, p, { ...mseOptions, sampleWeight: w }));
        expect(close(r2, r2Score(t, p, { multioutput, sampleWeight: w }), 1e-12), `R² ${JSON.stringify(r2)}`).toBe(true);
        expect(close(ev, explainedVariance(t, p, { multioutput, sampleWeight: w }), 1e-12), `explained variance ${JSON.stringify(ev)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reject unknown options and bad values at construction, naming them', () => {
    expect(() => new MeanSquaredError({ squard: false } as never)).toThrow("MeanSquaredError: unknown option 'squard' (did you mean 'squared'?)");
    expect(() => new RootMeanSquaredError({ squared: false } as never)).toThrow("RootMeanSquaredError: unknown option 'squared'");
    expect(() => new MeanAbsoluteError({ sampleWeight: [1] } as never)).toThrow("MeanAbsoluteError: unknown option 'sampleWeight'");
    expect(() => new MeanAbsolutePercentageError({ multioutput: 'variance_weighted' } as never)).toThrow(
      "MeanAbsolutePercentageError: multioutput must be one of 'raw_values', 'uniform_average' or an array of finite number",
    );
    expect(() => new R2Score({ force_finite: false } as never)).toThrow("R2Score: unknown option 'force_finite' (did you mean 'forceFinite'?)");
    expect(() => new ExplainedVariance({ multiOutput: 'raw_values' } as never)).toThrow("ExplainedVariance: unknown option 'multiOutput' (did you mean 'multioutput'?)");
  });

  it('name the shape, batch, element or weight at fault', async () => {
    const metric = new MeanSquaredError();
    expect(() => metric.update([1, 2], [1, 2, 3])).toThrow('MeanSquaredError.update: yTrue has 2 samples but yPred has 3');
    expect(() => metric.update([[1, 2]], [[1, 2, 3]])).toThrow('MeanSquaredError.update: yTrue has 2 outputs but yPred has 3');
    expect(() => metric.update([1, Number.NaN], [1, 2])).toThrow('MeanSquaredError.update: yTrue[1] is NaN; yTrue must hold finite numbers');
    expect(() => metric.update([1, 2], [1, 2], [1])).toThrow('MeanSquaredError.update: sampleWeight must have one weight per sample, shape [2]; got shape [1]');
    expect(() => metric.update([1, 2], [1, 2], [1, Number.NaN])).toThrow('MeanSquaredError.update: sampleWeight[1] is NaN');
    expect(() => metric.update(tf.zeros([2, 1, 1]), [1, 2])).toThrow('MeanSquaredError.update: yTrue must be 1-D or 2-D; got shape [2, 1, 1]');
    metric.update([[1, 2]], [[1, 2]]);
    expect(() => metric.update([1], [1])).toThrow('MeanSquaredError.update: yTrue has 1 and yPred 1 columns, but earlier batches had 2 and 2');
    metric.reset();
    await expect(metric.compute()).rejects.toThrow('MeanSquaredError.compute: no samples yet; call update(yTrue, yPred) first');
    // A tensor is read at compute: a NaN is reported then, naming its batch, until reset.
    metric.update([1, 2], [1, 2]);
    const bad = tf.tensor1d([0, Number.NaN, 1]);
    metric.update(bad, [1, 2, 3]);
    bad.dispose();
    expect(() => metric.computeSync()).toThrow('MeanSquaredError.compute (batch 2 given to update): yTrue[1] is NaN');
    metric.update([1], [2]);
    await expect(metric.compute()).rejects.toThrow('(batch 2 given to update): yTrue[1] is NaN');
    metric.reset();
    metric.update([1], [3]);
    expect(metric.computeSync()).toBe(4);
    const weightless = new MeanAbsoluteError();
    weightless.update([1, 2], [2, 2], tf.tensor1d([0, 0]));
    expect(() => weightless.computeSync()).toThrow('MeanAbsoluteError.computeSync: the weights (sampleWeight) sum to zero, so the average is undefined');
    const custom = new R2Score({ multioutput: [1, 2, 3] });
    expect(() => custom.update([[1, 2]], [[1, 2]])).toThrow('R2Score.update: multioutput has 3 weights but there are 2 outputs');
    expect(() => custom.update([1], [1])).toThrow('R2Score.update: multioutput weights are only for several outputs; yTrue has one');
    metric.dispose();
    weightless.dispose();
    custom.dispose();
    expect(() => metric.update([1], [1])).toThrow('MeanSquaredError.update: the metric has been disposed');
    expect(() => metric.computeSync()).toThrow('MeanSquaredError.computeSync: the metric has been disposed');
  });

  it('warn and give NaN for R² of one sample, as scikit-learn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const metric = new R2Score();
    metric.update([2], [1.5]);
    expect(metric.computeSync()).toBeNaN();
    expect(warn).toHaveBeenCalledWith('R2Score.computeSync: R^2 score is not well-defined with less than two samples.');
    metric.update([], []);
    metric.update([3], [3]);
    // r2_score([2, 3], [1.5, 3]) = 0.5
    expect(metric.computeSync()).toBe(0.5);
    metric.dispose();
  });

  it('print what their doc comments say', () => {
    const values = (make: () => Metric<Value>, batchesOf: [number[], number[]][]) => {
      const metric = make();
      for (const [t, p] of batchesOf) metric.update(t, p);
      const value = metric.computeSync();
      metric.dispose();
      return value;
    };
    const split: [number[], number[]][] = [[[3, -0.5], [2.5, 0.0]], [[2, 7], [2, 8]]];
    const whole: [number[], number[]][] = [[[3, -0.5, 2, 7], [2.5, 0.0, 2, 8]]];
    // scikit-learn 1.2.1 on [3, -0.5, 2, 7], [2.5, 0.0, 2, 8].
    expect(values(() => new MeanSquaredError(), split)).toBe(0.375);
    expect(values(() => new RootMeanSquaredError(), whole)).toBe(0.6123724356957945);
    expect(values(() => new MeanAbsoluteError(), whole)).toBe(0.5);
    expect(values(() => new MeanAbsolutePercentageError(), whole)).toBe(0.3273809523809524);
    expect(values(() => new R2Score(), split)).toBeCloseTo(0.9486081370449679, 15);
    expect(values(() => new ExplainedVariance(), whole)).toBeCloseTo(0.9571734475374732, 15);
  });
});
