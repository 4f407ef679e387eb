// Scalers on named tables (featureNamesIn_, scikit-learn's feature_names_in_ and its name check),
// partialFit's checks, options, tensors and JSON for the new scalers. Numbers against
// scikit-learn are in scalers-sklearn.test.ts.
import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaxAbsScaler } from './max-abs-scaler.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { normalQuantile, RobustScaler } from './robust-scaler.js';
import { StandardScaler } from './standard-scaler.js';
import { rowsToTable } from './table.js';
import { firstMismatch } from './test/close.js';

const scalers = () => [new StandardScaler(), new MinMaxScaler(), new RobustScaler(), new MaxAbsScaler()];

describe('scalers on tables', () => {
  const table = rowsToTable([[1, 10], [3, 30], [5, 20]], ['height', 'weight']);

  it('record featureNamesIn_, return tables with the same names, and keep them through JSON', () => {
    for (const scaler of scalers()) {
      const out = scaler.fit(table).transform(table);
      expect(scaler.featureNamesIn_).toEqual(['height', 'weight']);
      expect(scaler.nFeaturesIn_).toBe(2);
      expect(out.names).toEqual(['height', 'weight']);
      expect(Array.from(out.columns[0] as Float64Array)).toEqual(scaler.transform([[1, 10], [3, 30], [5, 20]]).map((r) => r[0]));
      const back = scaler.inverseTransform(out);
      expect(firstMismatch(Array.from(back.columns[1] as Float64Array), [10, 30, 20], 1e-12, 1e-12)).toBe(-1);
      const restored = (scaler.constructor as unknown as { fromJSON(j: unknown): StandardScaler }).fromJSON(JSON.parse(JSON.stringify(scaler.toJSON())));
      expect(restored.featureNamesIn_).toEqual(['height', 'weight']);
      // A matrix fit forgets the names.
      expect(scaler.fit([[1, 2]]).featureNamesIn_).toBeUndefined();
    }
  });

  it('refuse a table whose names differ from those of fit, and a text column', () => {
    const swapped = rowsToTable([[10, 1]], ['weight', 'height']);
    expect(() => new RobustScaler().fit(table).transform(swapped)).toThrow(
      'RobustScaler.transform: the feature names should match those passed to fit: expected [height, weight], got [weight, height]',
    );
    expect(() => new StandardScaler().fit(table).partialFit(swapped)).toThrow('StandardScaler.partialFit: the feature names should match');
    const text = { names: ['a', 'b'], columns: [Float64Array.of(1), ['x']] };
    expect(() => new MaxAbsScaler().fit(text)).toThrow('MaxAbsScaler.fit: column 1 ("b") holds text, not numbers');
  });
});

describe('partialFit', () => {
  it('checks the feature count against earlier batches, and fit starts afresh', () => {
    const scaler = new MaxAbsScaler().partialFit([[1, -3]]);
    expect(() => scaler.partialFit([[1]])).toThrow('MaxAbsScaler.partialFit: X has 1 features, but MaxAbsScaler is expecting 2 features as input');
    expect(() => new StandardScaler().partialFit([])).toThrow('StandardScaler.partialFit: X has 0 samples');
    scaler.partialFit([[-4, 2]]);
    expect(Array.from(scaler.maxAbs_!)).toEqual([4, 3]);
    expect(scaler.nSamplesSeen_).toBe(2);
    scaler.fit([[1, 1]]);
    expect(Array.from(scaler.maxAbs_!)).toEqual([1, 1]);
    expect(scaler.nSamplesSeen_).toBe(1);
  });

  it('gives what one fit gives, to rounding, for any split (StandardScaler, MinMaxScaler, MaxAbsScaler)', () => {
    // Millesimal values: doubles near 1e-158 square to denormals, where any two summation orders differ.
    const finite = fc.integer({ min: -1e6, max: 1e6 }).map((v) => v / 1000);
    const rows = fc.array(fc.array(finite, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(rows, fc.nat(), (x, cut) => {
        const at = 1 + (cut % (x.length - 1));
        return [new StandardScaler(), new MinMaxScaler(), new MaxAbsScaler()].every((scaler) => {
          const once = new (scaler.constructor as new () => typeof scaler)().fit(x).transform(x);
          const batched = scaler.partialFit(x.slice(0, at)).partialFit(x.slice(at)).transform(x);
          return firstMismatch(batched.flat(), once.flat(), 1e-9, 1e-9) === -1;
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('RobustScaler and MaxAbsScaler', () => {
  it('name the option at fault', () => {
    expect(() => new RobustScaler({ quantileRange: [75, 25] })).toThrow(
      'RobustScaler: quantileRange must be [qMin, qMax] with 0 <= qMin < qMax <= 100, got [75,25]',
    );
    expect(() => new RobustScaler({ quantileRange: [0, 101] })).toThrow('quantileRange');
    expect(() => new RobustScaler({ with_centering: false } as never)).toThrow(/withCentering/);
    expect(() => new MaxAbsScaler({ copy: true } as never)).toThrow(/MaxAbsScaler/);
  });

  it("unitVariance divides the IQR by the normal's, ppf(0.75) - ppf(0.25) (scipy: 1.3489795003921634)", () => {
    expect(normalQuantile(0.75) - normalQuantile(0.25)).toBeCloseTo(1.3489795003921634, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect([normalQuantile(0), normalQuantile(1)]).toEqual([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });

  it('take tensors and return float32 tensors without leaks; invert', () => {
    const x = tf.tensor2d([[1, 10], [3, -30], [5, 20], [2, 0]]);
    for (const scaler of [new RobustScaler({ unitVariance: true }), new MaxAbsScaler()]) {
      scaler.fit(x);
      expect(leaked(() => scaler.transform(x))).toBe(0);
      const y = scaler.transform(x);
      const back = scaler.inverseTransform(y);
      expect(y.dtype).toBe('float32');
      expect(firstMismatch(Array.from(back.dataSync()), Array.from(x.dataSync()), 1e-6, 1e-5)).toBe(-1);
      tf.dispose([y, back]);
    }
    x.dispose();
  });
});
