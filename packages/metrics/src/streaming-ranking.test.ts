import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUC, AveragePrecision, averagePrecisionScore, type Metric, RocAuc, rocAucScore, type ValuesInput } from './index.js';
import { mismatch } from './test/close.js';

// The fixture of ranking.test.ts, written by scripts/ranking-fixture.py with scikit-learn 1.2.1
// (/usr/bin/python3); ranking.test.ts checks the functions against it. Here every rocAucScore and
// averagePrecisionScore check also runs on the streaming twins (RocAuc and AUC, AveragePrecision)
// over uneven batches (sizes 5, 1, 7, repeated), as JS arrays and as tensors: they keep every
// sample, so they must give the function's result on the concatenation exactly, and
// scikit-learn's within 1e-9 (null in an input stands for NaN).
import fixture from './fixtures/ranking.json' with { type: 'json' };

type Options = Record<string, unknown>;
type Value = number | number[];
const FUNCTIONS: Record<string, (t: ValuesInput, s: ValuesInput, o: never) => Value> = { rocAucScore, averagePrecisionScore };
const TWINS: Record<string, ((o: Options) => Metric<Value>)[]> = {
  rocAucScore: [(o) => new RocAuc(o), (o) => new AUC(o)],
  averagePrecisionScore: [(o) => new AveragePrecision(o)],
};

const nanOf = (xs: unknown): unknown => (Array.isArray(xs) ? xs.map(nanOf) : xs === null ? Number.NaN : xs);

function cuts(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0, k = 0; start < n; k++) {
    const end = Math.min(n, start + [5, 1, 7][k % 3]!);
    out.push([start, end]);
    start = end;
  }
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('streaming ranking scores on scikit-learn 1.2 fixtures, over batches of 5, 1, 7', () => {
  for (const c of fixture.cases) {
    it(`equal the functions on the concatenation: ${c.name}`, () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const yTrue = c.yTrue as unknown[];
      const yScore = nanOf(c.yScore) as unknown[];
      for (const check of c.checks) {
        const twins = TWINS[check.fn];
        if (!twins) continue;
        const { sampleWeight, ...options } = check.options as Options;
        const weights = sampleWeight === undefined ? undefined : (nanOf(sampleWeight) as number[]);
        for (const [asTensors, make] of [false, true].flatMap((a) => twins.map((m) => [a, m] as const))) {
          const label = `${c.name}: ${check.fn}(${JSON.stringify(check.options)})${asTensors ? ' on tensors' : ''}`;
          const run = () => {
            const metric = make(options);
            try {
              for (const [a, b] of cuts(yTrue.length)) {
                const inputs = [yTrue.slice(a, b), yScore.slice(a, b), weights?.slice(a, b)] as const;
                if (!asTensors) metric.update(inputs[0] as number[], inputs[1] as number[], inputs[2]);
                else tf.tidy(() => metric.update(tf.tensor(inputs[0] as number[]), tf.tensor(inputs[1] as number[]), inputs[2] && tf.tensor(inputs[2])));
              }
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
          const f32 = (x: unknown[]) => tf.tidy(() => tf.tensor(x as number[]).arraySync() as number[]);
          const whole = asTensors ? [f32(yTrue), f32(yScore)] : [yTrue as number[], yScore as number[]];
          const sw = weights && (asTensors ? f32(weights) : weights);
          expect(actual, label).toEqual(FUNCTIONS[check.fn]!(whole[0]!, whole[1]!, { ...options, sampleWeight: sw } as never));
          if (!asTensors) expect(mismatch(actual, check.expected, 1e-9), label).toBeNull();
        }
      }
    });
  }
});

describe('streaming ranking scores', () => {
  it('keep every sample, read tensors only at compute, and leave nothing behind', async () => {
    const y = tf.tensor1d([0, 0, 1, 1, 0, 1], 'int32');
    const s = tf.tensor1d([0.125, 0.375, 0.25, 0.75, 0.5, 0.625]);
    const halves = [tf.split(y, [4, 2]), tf.split(s, [4, 2])] as const;
    const metrics = [new RocAuc(), new AUC(), new AveragePrecision()];
    await expectNoLeak(async () => {
      const readSync = vi.spyOn(tf.backend(), 'readSync');
      const read = vi.spyOn(tf.backend(), 'read');
      for (const m of metrics) {
        m.update(halves[0][0]!, halves[1][0]!);
        tf.tidy(() => m.update(halves[0][1]!, halves[1][1]!));
      }
      expect(readSync).not.toHaveBeenCalled();
      expect(read).not.toHaveBeenCalled();
      vi.restoreAllMocks();
      const values = await Promise.all(metrics.map((m) => m.compute()));
      expect(values).toEqual([rocAucScore(y, s), rocAucScore(y, s), averagePrecisionScore(y, s)]);
      // Reading does not consume the samples; reset does.
      expect(metrics[0]!.computeSync()).toBe(values[0]);
      for (const m of metrics) m.reset();
      return [];
    });
    tf.dispose([y, s, ...halves.flat()]);
    for (const m of metrics) m.dispose();
  });

  it('pass every option to the function, and weigh unweighted batches 1', () => {
    const t = [[1, 0], [0, 1], [1, 1], [0, 0], [1, 0], [0, 1]];
    const scores = [[0.9, 0.2], [0.4, 0.6], [0.7, 0.8], [0.1, 0.3], [0.35, 0.45], [0.6, 0.5]];
    const metric = new AveragePrecision({ average: 'none' });
    metric.update(t.slice(0, 2), scores.slice(0, 2));
    metric.update(t.slice(2), scores.slice(2), [0.5, 2, 1, 0]);
    const perLabel: number[] = metric.computeSync();
    expect(perLabel).toEqual(averagePrecisionScore(t, scores, { average: 'none', sampleWeight: [1, 1, 0.5, 2, 1, 0] }));
    metric.dispose();
    const multiclass = new RocAuc({ multiClass: 'ovr', average: 'weighted' });
    const labels = [0, 1, 2, 2, 1, 0];
    const probabilities = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.2, 0.7], [0.3, 0.3, 0.4], [0.25, 0.5, 0.25], [0.4, 0.4, 0.2]];
    multiclass.update(labels.slice(0, 1), probabilities.slice(0, 1));
    multiclass.update(labels.slice(1), probabilities.slice(1));
    expect(multiclass.computeSync()).toBe(rocAucScore(labels, probabilities, { multiClass: 'ovr', average: 'weighted' }));
    multiclass.dispose();
  });

  it('name the metric, option, shape or batch at fault', () => {
    expect(() => new RocAuc({ multi_class: 'ovr' } as never)).toThrow("RocAuc: unknown option 'multi_class' (did you mean 'multiClass'?)");
    expect(() => new AUC({ sampleWeight: [1] } as never)).toThrow("AUC: unknown option 'sampleWeight'");
    expect(() => new AveragePrecision({ averge: 'micro' } as never)).toThrow("AveragePrecision: unknown option 'averge' (did you mean 'average'?)");
    expect(() => new AveragePrecision({ average: 'sample' } as never)).toThrow("AveragePrecision: average must be one of 'micro', 'macro', 'weighted', 'samples', 'none'");
    const metric = new RocAuc();
    expect(() => metric.update([0, 1], [0.2, 0.7, 0.1])).toThrow('RocAuc.update: yTrue has 2 samples but yScore has 3');
    expect(() => metric.update([0, 1], [0.2, Number.NaN])).toThrow('RocAuc.update: yScore[1] is NaN');
    metric.update([0, 0], [0.2, 0.3]);
    expect(() => metric.update([[0, 1]], [[0.2, 0.3]])).toThrow('RocAuc.update: yTrue has 2 and yScore 2 columns, but earlier batches had 1 and 1');
    // Errors of the function over every sample name the metric.
    expect(() => metric.computeSync()).toThrow('RocAuc.computeSync: only one class is present in yTrue; ROC AUC is not defined then');
    const bad = tf.tensor1d([0.5, Number.NaN]);
    metric.update([1, 1], bad);
    bad.dispose();
    expect(() => metric.computeSync()).toThrow('RocAuc.compute (batch 2 given to update): yScore[1] is NaN');
    metric.reset();
    metric.update([0, 1], [0.2, 0.7]);
    expect(metric.computeSync()).toBe(1);
    metric.dispose();
    expect(() => metric.update([0], [1])).toThrow('RocAuc.update: the metric has been disposed');
  });

  it('print what their doc comments say', () => {
    // scikit-learn 1.2.1: roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75, average_precision_score = 0.8333333333333333.
    const roc = new RocAuc();
    roc.update([0, 0], [0.1, 0.4]);
    roc.update([1, 1], [0.35, 0.8]);
    expect(roc.computeSync()).toBe(0.75);
    const ap = new AveragePrecision();
    ap.update([0, 0, 1], [0.1, 0.4, 0.35]);
    ap.update([1], [0.8]);
    expect(ap.computeSync()).toBeCloseTo(0.8333333333333333, 15);
    roc.dispose();
    ap.dispose();
  });
});
