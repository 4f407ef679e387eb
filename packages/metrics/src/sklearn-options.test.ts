import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Accuracy,
  accuracy,
  BalancedAccuracy,
  balancedAccuracy,
  ClassificationReportMetric,
  CohenKappa,
  ConfusionMatrix,
  classificationReport,
  cohenKappa,
  confusionMatrix,
  F1Score,
  FBetaScore,
  f1,
  fbeta,
  formatClassificationReport,
  HammingLoss,
  hammingLoss,
  type LabelsInput,
  MatthewsCorrCoef,
  type Metric,
  matthewsCorrcoef,
  multilabelConfusionMatrix,
  Precision,
  precision,
  Recall,
  recall,
  TopKAccuracy,
  topKAccuracy,
} from './index.js';
// Fixture written by scripts/classification-options-fixture.py with scikit-learn 1.2.1
// (/usr/bin/python3): sample_weight on every metric, normalize, zero_division, labels,
// average='samples' and the report's samples avg, hamming_loss, cohen_kappa_score, binary top-k,
// one class, an empty class, all-zero and NaN weights, NaN input, zero_division=nan. Weights are
// multiples of 1/4, so the streaming metrics' float32 sums are exact.
import fixture from './fixtures/classification-options.json' with { type: 'json' };
import { slice } from './test/classification-fixture.js';

type Options = Record<string, unknown>;
interface Check {
  fn: string;
  options: Options;
  expected: unknown;
  warns?: boolean;
  text?: Record<string, string>;
}

const nanOf = (xs: unknown): unknown => (Array.isArray(xs) ? xs.map(nanOf) : xs === null ? Number.NaN : xs);

function mismatch(actual: unknown, expected: unknown, path = ''): string | null {
  if (expected === 'nan') return typeof actual === 'number' && Number.isNaN(actual) ? null : `${path}: expected NaN, got ${actual}`;
  if (expected === 'inf' || expected === '-inf') {
    return actual === (expected === 'inf' ? Infinity : -Infinity) ? null : `${path}: expected ${expected}, got ${actual}`;
  }
  if (typeof expected === 'number') {
    return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-7 ? null : `${path}: expected ${expected}, got ${String(actual)}`;
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
      const found = mismatch((actual as Record<string, unknown>)?.[key], value, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return actual === expected ? null : `${path}: expected ${String(expected)}, got ${String(actual)}`;
}

function functional(fn: string, yTrue: LabelsInput, yPred: LabelsInput, options: Options): unknown {
  const value = (scalar: tf.Scalar) => {
    const v = scalar.dataSync()[0]!;
    scalar.dispose();
    return v;
  };
  const o = options as never;
  const table: Record<string, () => unknown> = {
    precision: () => precision(yTrue, yPred, o),
    recall: () => recall(yTrue, yPred, o),
    f1: () => f1(yTrue, yPred, o),
    fbeta: () => fbeta(yTrue, yPred, o),
    confusionMatrix: () => confusionMatrix(yTrue, yPred, o),
    multilabelConfusionMatrix: () => multilabelConfusionMatrix(yTrue, yPred, o),
    matthewsCorrcoef: () => matthewsCorrcoef(yTrue, yPred, o),
    balancedAccuracy: () => balancedAccuracy(yTrue, yPred, o),
    classificationReport: () => classificationReport(yTrue, yPred, o),
    hammingLoss: () => hammingLoss(yTrue, yPred, o),
    cohenKappa: () => cohenKappa(yTrue, yPred, o),
    accuracy: () => value(accuracy(yTrue, yPred, o)),
    topKAccuracy: () => value(topKAccuracy(yTrue, yPred, o)),
  };
  return table[fn]!();
}

function streaming(fn: string, options: Options): Metric<unknown> | null {
  const o = options as never;
  const table: Record<string, () => Metric<unknown>> = {
    precision: () => new Precision(o),
    recall: () => new Recall(o),
    f1: () => new F1Score(o),
    fbeta: () => new FBetaScore(o),
    confusionMatrix: () => new ConfusionMatrix(o),
    matthewsCorrcoef: () => new MatthewsCorrCoef(o),
    balancedAccuracy: () => new BalancedAccuracy(o),
    classificationReport: () => new ClassificationReportMetric(o),
    hammingLoss: () => new HammingLoss(o),
    cohenKappa: () => new CohenKappa(o),
    accuracy: () => new Accuracy(o),
    topKAccuracy: () => new TopKAccuracy(o),
  };
  return table[fn]?.() ?? null;
}

/** Options as lab takes them: NaN restored, "NaN" for zeroDivision as the number. */
function labOptions(options: Options): Options {
  const o = { ...options };
  if (o.sampleWeight) o.sampleWeight = nanOf(o.sampleWeight);
  if (o.zeroDivision === 'NaN') o.zeroDivision = Number.NaN;
  return o;
}

function numClasses(c: (typeof fixture.cases)[number]): number | undefined {
  if ((c.options as Options).task === 'multilabel') return undefined;
  const labels = [c.yTrue, c.yPred].flatMap((side) => (Array.isArray(side[0]) ? [] : (side as number[])));
  return Math.max(1, ...labels.map((v) => (Number.isInteger(v) ? v : 1))) + 1;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("scikit-learn 1.2's classification options", () => {
  for (const c of fixture.cases) {
    const yTrue = nanOf(c.yTrue) as number[] | number[][];
    const yPred = nanOf(c.yPred) as number[] | number[][];
    // A NaN in a JS array is refused when it is copied; as a tensor it is found on the device.
    const asTensors = (f: (t: LabelsInput, p: LabelsInput) => unknown) => {
      const t = tf.tensor(yTrue);
      const p = tf.tensor(yPred);
      try {
        return f(t, p);
      } finally {
        tf.dispose([t, p]);
      }
    };
    it(`equal ours: ${c.name}`, () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const before = tf.memory().numTensors;
      for (const check of c.checks as Check[]) {
        const options = { ...c.options, ...labOptions(check.options) };
        const label = `${c.name}: ${check.fn}(${JSON.stringify(check.options).slice(0, 120)})`;
        if (check.expected === 'error') {
          expect(() => functional(check.fn, yTrue, yPred, options), label).toThrow();
          expect(() => asTensors((t, p) => functional(check.fn, t, p, options)), `${label} (tensors)`).toThrow();
          continue;
        }
        warn.mockClear();
        const actual = functional(check.fn, yTrue, yPred, options);
        expect(mismatch(actual, check.expected), label).toBeNull();
        if (check.warns !== undefined && ((options as Options).zeroDivision === 'warn' || check.fn === 'balancedAccuracy')) {
          const ours = warn.mock.calls.filter(([message]) => !String(message).includes('tfjs-node'));
          expect(ours.length > 0, `${label} warns`).toBe(check.warns);
        }
        for (const [digits, text] of Object.entries(check.text ?? {})) {
          expect(formatClassificationReport(actual as never, { digits: Number(digits) }), label).toBe(text);
        }
      }
      expect(tf.memory().numTensors).toBe(before);
    });

    it(`equal our streaming metrics over batches: ${c.name}`, () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const before = tf.memory().numTensors;
      const n = c.yTrue.length;
      const cuts = [0, 1, Math.floor(n / 3), Math.floor((2 * n) / 3), n];
      for (const check of c.checks as Check[]) {
        const { sampleWeight, ...rest } = labOptions(check.options);
        const options = { ...c.options, numClasses: check.fn === 'topKAccuracy' ? undefined : numClasses(c), ...rest };
        if (check.fn === 'topKAccuracy' || check.fn === 'accuracy') delete options.numClasses;
        const label = `${c.name}: streaming ${check.fn}(${JSON.stringify(check.options).slice(0, 120)})`;
        const run = () => {
          const metric = streaming(check.fn, options);
          if (!metric) return undefined;
          try {
            for (let i = 1; i < cuts.length; i++) {
              const w = sampleWeight ? (sampleWeight as number[]).slice(cuts[i - 1], cuts[i]) : undefined;
              asTensors((t, p) => {
                const rows = (x: LabelsInput) => tf.slice(x as tf.Tensor, cuts[i - 1]!, cuts[i]! - cuts[i - 1]!);
                const [bt, bp] = [rows(t), rows(p)];
                try {
                  metric.update(bt, bp, w);
                } finally {
                  tf.dispose([bt, bp]);
                }
              });
            }
            return metric.computeSync();
          } finally {
            metric.dispose();
          }
        };
        if (check.fn === 'multilabelConfusionMatrix') continue;
        if (check.expected === 'error') {
          expect(run, label).toThrow();
          continue;
        }
        expect(mismatch(run(), check.expected), label).toBeNull();
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it('slices JS inputs too (the streaming runs above use tensors)', () => {
    expect(slice([1, 2, 3], 1, 2)).toEqual([2]);
  });
});

describe('the new options', () => {
  it('reject unknown names, naming them', () => {
    expect(() => hammingLoss([0, 1], [0, 1], { sample_weight: [1, 1] } as never)).toThrow(
      "hammingLoss: unknown option 'sample_weight' (did you mean 'sampleWeight'?)",
    );
    expect(() => cohenKappa([0, 1], [0, 1], { weight: 'linear' } as never)).toThrow("cohenKappa: unknown option 'weight' (did you mean 'weights'?)");
    expect(() => cohenKappa([0, 1], [0, 1], { weights: 'cubic' } as never)).toThrow("cohenKappa: weights must be one of 'linear', 'quadratic'");
    expect(() => accuracy([0, 1], [0, 1], { normalise: false } as never)).toThrow("accuracy: unknown option 'normalise' (did you mean 'normalize'?)");
    expect(() => new HammingLoss({ sampleWeight: [1] } as never)).toThrow("HammingLoss: unknown option 'sampleWeight'");
    expect(() => precision([0, 1], [0, 1], { average: 'macro', sampleWeight: [1, 1, 1] })).toThrow(
      'precision: sampleWeight must have one weight per sample, shape [2]; got shape [3]',
    );
    expect(() => precision([0, 1], [0, 1], { zeroDivision: Number.NaN as never })).toThrow(
      "precision: zeroDivision must be 'warn', 0 or 1 (scikit-learn 1.2 has no NaN option); got NaN",
    );
    const yPred = tf.tensor1d([0.2, Number.NaN]);
    expect(() => f1([0, 1], yPred)).toThrow('f1: yPred holds NaN; labels and probabilities must be finite');
    const metric = new F1Score({ numClasses: 2 });
    metric.update([0, 1], yPred);
    expect(() => metric.computeSync()).toThrow('F1Score.computeSync: yPred in a batch given to update() holds NaN');
    metric.dispose();
    yPred.dispose();
  });
});
