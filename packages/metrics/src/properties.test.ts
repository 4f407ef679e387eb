import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import {
  BalancedAccuracy,
  balancedAccuracy,
  ClassificationReportMetric,
  classificationReport,
  F1Score,
  f1,
  fbeta,
  MatthewsCorrCoef,
  matthewsCorrcoef,
  Precision,
  precision,
  Recall,
  recall,
  TopKAccuracy,
  topKAccuracy,
} from './index.js';
import { mismatch } from './test/close.js';

const classes = 4;
/** Pairs of label arrays of the same length, labels in 0..classes-1. */
const pairs = fc
  .integer({ min: 1, max: 60 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: classes - 1 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: classes - 1 }), { minLength: n, maxLength: n }),
    ),
  );
const averages = fc.constantFrom('micro', 'macro', 'weighted') as fc.Arbitrary<'micro' | 'macro' | 'weighted'>;
const zeroDivisions = fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>;
/** Cut points splitting n samples into batches of any sizes. */
const cutsOf = (n: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, n - 1) }), { maxLength: 5 }).map((cuts) => [0, ...cuts.filter((c) => c < n).sort((a, b) => a - b), n]);

describe('properties of the classification metrics', () => {
  it('lie in [0, 1] (MCC in [-1, 1])', () => {
    fc.assert(
      fc.property(pairs, averages, zeroDivisions, ([t, p], average, zeroDivision) => {
        const options = { average, zeroDivision };
        const scores = [precision(t, p, options), recall(t, p, options), f1(t, p, options), fbeta(t, p, { ...options, beta: 2 }), balancedAccuracy(t, p)];
        const mcc = matthewsCorrcoef(t, p);
        return scores.every((s) => s >= 0 && s <= 1) && mcc >= -1 - 1e-12 && mcc <= 1 + 1e-12;
      }),
    );
  });

  it('score 1 for a perfect prediction', () => {
    fc.assert(
      fc.property(pairs, averages, ([t], average) => {
        const options = { average, zeroDivision: 0 as const };
        const distinct = new Set(t).size;
        const perfect = [precision(t, t, options), recall(t, t, options), f1(t, t, options), balancedAccuracy(t, t)];
        const report = classificationReport(t, t);
        // MCC is 0 by definition when only one class occurs.
        return perfect.every((s) => s === 1) && report.accuracy === 1 && matthewsCorrcoef(t, t) === (distinct > 1 ? 1 : 0);
      }),
    );
  });

  it('stream to the functional value for any batching', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fc.assert(
      fc.property(
        pairs.chain(([t, p]) => fc.tuple(fc.constant(t), fc.constant(p), cutsOf(t.length))),
        averages,
        ([t, p, cuts], average) => {
          const before = tf.memory().numTensors;
          // Options are checked: the functional scores take no numClasses, and MCC, balanced
          // accuracy and the report no average.
          const scoring = { average };
          const options = { ...scoring, numClasses: classes };
          const counted = { numClasses: classes };
          const metrics = [new Precision(options), new Recall(options), new F1Score(options), new MatthewsCorrCoef(counted), new BalancedAccuracy(counted), new ClassificationReportMetric(counted)];
          for (let i = 1; i < cuts.length; i++) {
            for (const m of metrics) m.update(t.slice(cuts[i - 1], cuts[i]), p.slice(cuts[i - 1], cuts[i]));
          }
          const streamed = metrics.map((m) => m.computeSync());
          for (const m of metrics) m.dispose();
          const functional = [precision(t, p, scoring), recall(t, p, scoring), f1(t, p, scoring), matthewsCorrcoef(t, p), balancedAccuracy(t, p), classificationReport(t, p)];
          expect(mismatch(streamed, functional, 0)).toBeNull();
          return tf.memory().numTensors === before;
        },
      ),
      { numRuns: 60 },
    );
    vi.restoreAllMocks();
  });

  it('top-k accuracy streams to the functional value, grows with k, and is 1 at k = C', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }).chain((n) =>
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
            fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }), { minLength: n, maxLength: n }),
          ),
        ),
        ([t, scores]) => {
          const value = (k: number) => tf.tidy(() => topKAccuracy(t, scores, { k }).dataSync()[0]!);
          const metric = new TopKAccuracy({ k: 2 });
          metric.update(t.slice(0, 1), scores.slice(0, 1));
          if (t.length > 1) metric.update(t.slice(1), scores.slice(1));
          const streamed = metric.computeSync();
          metric.dispose();
          const ks = [1, 2, 3, 4, 5].map(value);
          return Math.fround(streamed) === ks[1] && ks.every((v, i) => i === 0 || v >= ks[i - 1]!) && ks[4] === 1;
        },
      ),
      { numRuns: 50 },
    );
  });
});
