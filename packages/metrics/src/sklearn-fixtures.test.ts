import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Accuracy,
  accuracy,
  BalancedAccuracy,
  balancedAccuracy,
  ClassificationReportMetric,
  ConfusionMatrix,
  classificationReport,
  confusionMatrix,
  F1Score,
  FBetaScore,
  f1,
  fbeta,
  formatClassificationReport,
  type LabelsInput,
  MatthewsCorrCoef,
  type Metric,
  matthewsCorrcoef,
  multilabelConfusionMatrix,
  Precision,
  precision,
  Recall,
  recall,
  topKAccuracy,
} from './index.js';
import { cases, type FixtureCase, type FixtureCheck, slice } from './test/classification-fixture.js';
import { mismatch } from './test/close.js';

type Options = Record<string, unknown>;

/** Our functional metric for a fixture check, its result as plain numbers. */
function functional(fn: string, yTrue: LabelsInput, yPred: LabelsInput, options: Options): unknown {
  const value = (scalar: tf.Scalar) => {
    const v = scalar.dataSync()[0]!;
    scalar.dispose();
    return v;
  };
  const o = options as never;
  switch (fn) {
    case 'precision':
      return precision(yTrue, yPred, o);
    case 'recall':
      return recall(yTrue, yPred, o);
    case 'f1':
      return f1(yTrue, yPred, o);
    case 'fbeta':
      return fbeta(yTrue, yPred, o);
    case 'confusionMatrix':
      return confusionMatrix(yTrue, yPred, o);
    case 'multilabelConfusionMatrix':
      return multilabelConfusionMatrix(yTrue, yPred, o);
    case 'matthewsCorrcoef':
      return matthewsCorrcoef(yTrue, yPred, o);
    case 'balancedAccuracy':
      return balancedAccuracy(yTrue, yPred, o);
    case 'classificationReport':
      return classificationReport(yTrue, yPred, o);
    case 'accuracy':
      return value(accuracy(yTrue, yPred, o));
    case 'topKAccuracy':
      return value(topKAccuracy(yTrue, yPred, o));
    default:
      throw new Error(`no function for ${fn}`);
  }
}

/** Our streaming twin of a fixture check, or null where there is none. */
function streaming(fn: string, options: Options): Metric<unknown> | null {
  const o = options as never;
  switch (fn) {
    case 'precision':
      return new Precision(o);
    case 'recall':
      return new Recall(o);
    case 'f1':
      return new F1Score(o);
    case 'fbeta':
      return new FBetaScore(o);
    case 'confusionMatrix':
      return new ConfusionMatrix(o);
    case 'matthewsCorrcoef':
      return new MatthewsCorrCoef(o);
    case 'balancedAccuracy':
      return new BalancedAccuracy(o);
    case 'classificationReport':
      return new ClassificationReportMetric(o);
    case 'accuracy':
      return new Accuracy(o);
    default:
      return null;
  }
}

function expectedOf(check: FixtureCheck): unknown {
  return check.expected;
}

function label(c: FixtureCase, check: FixtureCheck): string {
  return `${c.name}: ${check.fn}(${JSON.stringify(check.options)})`;
}

/** The number of classes a streaming metric needs for a case: one more than the largest label. */
function numClasses(c: FixtureCase): number | undefined {
  if (c.options.task === 'multilabel') return undefined;
  const labels = [c.yTrue, c.yPred].flatMap((side) => (Array.isArray(side[0]) ? [] : (side as number[])));
  return labels.length === 0 ? undefined : Math.max(1, ...labels.map((v) => (Number.isInteger(v) ? v : 1))) + 1;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("scikit-learn 1.2's classification metrics", () => {
  for (const c of cases) {
    it(`equal ours: ${c.name}`, () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const before = tf.memory().numTensors;
      for (const check of c.checks) {
        const options: Options = { ...c.options, ...check.options };
        if (check.expected === 'error') {
          expect(() => functional(check.fn, c.yTrue, c.yPred, options), label(c, check)).toThrow();
          continue;
        }
        warn.mockClear();
        const actual = functional(check.fn, c.yTrue, c.yPred, options);
        expect(mismatch(actual, expectedOf(check)), label(c, check)).toBeNull();
        if (check.warns !== undefined && (options.zeroDivision === 'warn' || check.fn === 'balancedAccuracy')) {
          // tfjs itself warns once about tfjs-node; only our warnings count.
          const ours = warn.mock.calls.filter(([message]) => !String(message).includes('tfjs-node'));
          expect(ours.length > 0, `${label(c, check)} warns`).toBe(check.warns);
        }
        for (const [digits, text] of Object.entries(check.text ?? {})) {
          const report = actual as Parameters<typeof formatClassificationReport>[0];
          expect(formatClassificationReport(report, { digits: Number(digits) }), label(c, check)).toBe(text);
        }
      }
      expect(tf.memory().numTensors).toBe(before);
    });

    it(`equal our streaming metrics over batches: ${c.name}`, () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const before = tf.memory().numTensors;
      const n = c.yTrue.length;
      // Uneven batches, one of a single sample.
      const cuts = [0, 1, Math.floor(n / 3), Math.floor((2 * n) / 3), n];
      for (const check of c.checks) {
        const options = { ...c.options, numClasses: numClasses(c), ...check.options };
        if (check.fn === 'multilabelConfusionMatrix' || check.fn === 'topKAccuracy') continue;
        const run = () => {
          const metric = streaming(check.fn, options);
          if (!metric) throw new Error(`no streaming metric for ${check.fn}`);
          try {
            for (let i = 1; i < cuts.length; i++) metric.update(slice(c.yTrue, cuts[i - 1]!, cuts[i]!), slice(c.yPred, cuts[i - 1]!, cuts[i]!));
            return metric.computeSync();
          } finally {
            metric.dispose();
          }
        };
        if (check.expected === 'error') {
          expect(run, label(c, check)).toThrow();
          continue;
        }
        expect(mismatch(run(), expectedOf(check)), label(c, check)).toBeNull();
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
