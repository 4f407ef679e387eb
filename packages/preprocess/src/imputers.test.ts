import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/imputers.json' with { type: 'json' };
import { KNNImputer, type KNNImputerOptions } from './knn-imputer.js';
import { SimpleImputer, type SimpleImputerOptions } from './simple-imputer.js';
import { describeMismatch, firstMismatch } from './test/close.js';

const tables = fixture.tables as Record<string, (number | null)[][]>;
const fromJson = (rows: (number | null)[][]) => rows.map((row) => row.map((v) => v ?? Number.NaN));

describe.each(['simple', 'knn'] as const)('%s imputer against scikit-learn 1.2', (kind) => {
  const cases = fixture.cases.filter((c) => c.imputer === kind);
  it.each(cases.map((c) => [c.fit, c.transform, JSON.stringify(c.options), c] as const))('fit %s, transform %s, %s', (fit, transform, _o, c) => {
    const options = { ...c.options, ...('missingValues' in c.options ? {} : {}) };
    const imputer = kind === 'simple' ? new SimpleImputer(options as SimpleImputerOptions) : new KNNImputer(options as KNNImputerOptions);
    const out = imputer.fit(fromJson(tables[fit]!)).transform(fromJson(tables[transform]!));
    const expected = fromJson(c.expected);
    expect(out.length).toBe(expected.length);
    expect(out[0]?.length ?? 0).toBe(expected[0]?.length ?? 0);
    const index = firstMismatch(out.flat(), expected.flat(), 1e-9, 1e-12);
    expect(index, describeMismatch(out.flat(), expected.flat(), index)).toBe(-1);
    if (imputer instanceof SimpleImputer && 'statistics' in c) {
      const stats = (c.statistics as (number | null)[]).map((v) => v ?? Number.NaN);
      expect(firstMismatch(imputer.statistics_!, stats, 1e-12)).toBe(-1);
    }
  });
});

describe('imputers', () => {
  it('reproduce the KNNImputer doc example', () => {
    const x = [[1, 2, Number.NaN], [3, 4, 3], [Number.NaN, 6, 5], [8, 8, 7]];
    expect(new KNNImputer({ nNeighbors: 2 }).fitTransform(x)).toEqual([[1, 2, 4], [3, 4, 3], [5.5, 6, 5], [8, 8, 7]]);
  });

  it('never change present values', () => {
    const cell = fc.oneof(fc.constant(Number.NaN), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (k, rows) => {
        const x = rows.map((r) => r.slice(0, 3));
        const imputers = [new SimpleImputer({ keepEmptyFeatures: true }), new SimpleImputer({ strategy: 'mostFrequent', keepEmptyFeatures: true }), new KNNImputer({ nNeighbors: k, weights: 'distance', keepEmptyFeatures: true })];
        return imputers.every((imputer) => {
          const out = imputer.fitTransform(x);
          return x.every((row, r) => row.every((v, c) => (Number.isNaN(v) ? Number.isFinite(out[r]![c]!) : Object.is(out[r]![c], v))));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('take tensors and typed arrays and return the same kind, without leaks', () => {
    const x = tf.tensor2d([[1, Number.NaN], [3, 4]]);
    const imputer = new SimpleImputer().fit(x);
    const before = tf.memory().numTensors;
    const y = imputer.transform(x);
    expect(y.dtype).toBe('float32');
    expect(y.arraySync()).toEqual([[1, 4], [3, 4]]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(leaked(() => new KNNImputer().fitTransform(x))).toBe(0);
    const typed = new KNNImputer({ nNeighbors: 1 }).fitTransform({ data: new Float64Array([1, Number.NaN, 3, 4, 1, 5]), shape: [3, 2] });
    expect(typed.data).toBeInstanceOf(Float64Array);
    expect(Array.from(typed.data)).toEqual([1, 5, 3, 4, 1, 5]);
    x.dispose();
  });

  it('drop columns empty at fit time, or keep them', () => {
    const x = [[1, Number.NaN], [3, Number.NaN]];
    expect(new SimpleImputer().fitTransform(x)).toEqual([[1], [3]]);
    expect(new SimpleImputer({ keepEmptyFeatures: true }).fitTransform(x)).toEqual([[1, 0], [3, 0]]);
    expect(new SimpleImputer({ strategy: 'constant', fillValue: 9 }).fitTransform(x)).toEqual([[1, 9], [3, 9]]);
    expect(new KNNImputer().fitTransform(x)).toEqual([[1], [3]]);
    expect(new KNNImputer({ keepEmptyFeatures: true }).fitTransform(x)).toEqual([[1, 0], [3, 0]]);
  });

  it('round-trip through JSON', () => {
    const x = [[1, Number.NaN, 2], [3, 4, Number.NaN], [Number.NaN, 6, 5], [8, 8, 7]];
    for (const imputer of [new SimpleImputer({ strategy: 'median' }), new KNNImputer({ nNeighbors: 2, weights: 'distance' })]) {
      const expected = imputer.fitTransform(x);
      const json = JSON.parse(JSON.stringify(imputer.toJSON()));
      const restored = imputer instanceof SimpleImputer ? SimpleImputer.fromJSON(json) : KNNImputer.fromJSON(json);
      expect(restored.transform(x)).toEqual(expected);
    }
  });

  it('name the option, row, column or shape at fault', () => {
    // @ts-expect-error: not a strategy
    expect(() => new SimpleImputer({ strategy: 'mode' })).toThrow('SimpleImputer: strategy must be one of mean, median, mostFrequent, constant, got mode');
    expect(() => new KNNImputer({ nNeighbors: 0 })).toThrow('KNNImputer: nNeighbors must be an integer >= 1, got 0');
    expect(() => new SimpleImputer().transform([[1]])).toThrow('SimpleImputer.transform: this SimpleImputer is not fitted yet; call fit first');
    const fitted = new KNNImputer().fit([[1, 2], [3, 4]]);
    expect(() => fitted.transform([[1, 2, 3]])).toThrow('KNNImputer.transform: X has 3 features, but KNNImputer is expecting 2 features as input');
    expect(() => new SimpleImputer().fit([[1, 2], [3]])).toThrow('SimpleImputer.fit: X must be rectangular: row 0 has 2 values, row 1 has 1');
    expect(() => new SimpleImputer().fit([[1, 2], [3, Number.POSITIVE_INFINITY]])).toThrow('SimpleImputer.fit: X has Infinity at row 1, column 1');
    expect(() => new SimpleImputer({ missingValues: -1 }).fit([[Number.NaN, 2]])).toThrow('SimpleImputer.fit: X has NaN at row 0, column 0; only finite values and the missingValues marker (-1) are allowed');
    expect(() => new SimpleImputer().fit([])).toThrow('SimpleImputer.fit: X has 0 samples');
  });
});
