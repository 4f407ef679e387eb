import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/scalers.json' with { type: 'json' };
import { LabelEncoder } from './label-encoder.js';
import { MinMaxScaler, type MinMaxScalerOptions } from './min-max-scaler.js';
import { OneHotEncoder, type OneHotEncoderOptions } from './one-hot-encoder.js';
import { StandardScaler, type StandardScalerOptions } from './standard-scaler.js';
import { describeMismatch, firstMismatch } from './test/close.js';

type Rows = (number | null)[][];
const nan = (rows: Rows) => rows.map((row) => row.map((v) => v ?? Number.NaN));
const nanRow = (row: (number | null)[] | null) => (row === null ? undefined : row.map((v) => v ?? Number.NaN));

function expectClose(actual: ArrayLike<number> | undefined, expected: ArrayLike<number> | undefined, rtol = 1e-10, atol = 1e-12): void {
  if (expected === undefined) {
    expect(actual).toBeUndefined();
    return;
  }
  const index = firstMismatch(actual!, expected, rtol, atol);
  expect(index, describeMismatch(actual!, expected, index)).toBe(-1);
}

describe('scalers against scikit-learn 1.2', () => {
  it.each(fixture.scalers.map((c) => [c.scaler, c.fit, JSON.stringify(c.options), c] as const))('%s on %s %s', (kind, _fit, _options, c) => {
    const x = nan(c.x as Rows);
    if (kind === 'standard') {
      const scaler = new StandardScaler(c.options as StandardScalerOptions).fit(x);
      expectClose(scaler.mean_, nanRow(c.mean as (number | null)[] | null));
      expectClose(scaler.var_, nanRow(c.var as (number | null)[] | null));
      expectClose(scaler.scale_, nanRow(c.scale as (number | null)[] | null));
      expectClose(scaler.transform(x).flat(), nan(c.transformed as Rows).flat());
      expectClose(scaler.transform(nan(c.other as Rows)).flat(), nan(c.otherTransformed as Rows).flat());
    } else {
      const scaler = new MinMaxScaler(c.options as MinMaxScalerOptions).fit(x);
      expectClose(scaler.dataMin_, nanRow(c.dataMin as (number | null)[]));
      expectClose(scaler.dataMax_, nanRow(c.dataMax as (number | null)[]));
      expectClose(scaler.scale_, nanRow(c.scale as (number | null)[]));
      expectClose(scaler.min_, nanRow(c.min as (number | null)[]));
      expectClose(scaler.transform(x).flat(), nan(c.transformed as Rows).flat());
      expectClose(scaler.transform(nan(c.other as Rows)).flat(), nan(c.otherTransformed as Rows).flat());
    }
  });
});

describe('encoders against scikit-learn 1.2', () => {
  const rows: (string | number)[][] = [['b', 3, 'x'], ['a', 1, 'y'], ['b', 2, 'x'], ['c', 1, 'z'], ['a', 3, 'y']];
  it.each(fixture.encoders.filter((c) => c.encoder === 'onehot').map((c) => [JSON.stringify(c.options), c] as const))('OneHotEncoder %s', (_o, c) => {
    const options = c.options as { handleUnknown: 'error' | 'ignore'; drop: string | null };
    const drop = options.drop === 'if_binary' ? 'ifBinary' : (options.drop as OneHotEncoderOptions['drop']);
    const encoder = new OneHotEncoder({ handleUnknown: options.handleUnknown, drop });
    expect(encoder.fitTransform(rows)).toEqual(c.transformed);
    expect(encoder.categories_).toEqual(c.categories);
    expect(encoder.inverseTransform(encoder.transform(rows))).toEqual(rows);
  });

  it('OneHotEncoder encodes unknown categories as zeros with handleUnknown ignore', () => {
    const c = fixture.encoders.find((e) => e.encoder === 'onehot-unknown')!;
    const encoder = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(rows);
    const encoded = encoder.transform(c.input as (string | number)[][]);
    expect(encoded).toEqual(c.transformed);
    expect(encoder.inverseTransform(encoded)).toEqual(c.inverse);
    expect(() => new OneHotEncoder().fit(rows).transform([['d', 1, 'x']])).toThrow('OneHotEncoder.transform: unknown category "d" in column 0 at row 0');
  });

  it.each(fixture.encoders.filter((c) => c.encoder === 'label').map((c) => [JSON.stringify(c.input), c] as const))('LabelEncoder %s', (_i, c) => {
    const encoder = new LabelEncoder();
    expect(encoder.fitTransform(c.input as (string | number)[])).toEqual(c.transformed);
    expect(encoder.classes_).toEqual(c.classes);
    expect(encoder.inverseTransform(c.transformed as number[])).toEqual(c.input);
    expect(() => encoder.transform(['zebra'])).toThrow('LabelEncoder.transform: y contains previously unseen labels: ["zebra"]');
  });
});

describe('scalers', () => {
  it('give the input back through inverseTransform', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.array(finite, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 20 }), (x) =>
        [new StandardScaler(), new MinMaxScaler({ featureRange: [-1, 1] })].every((scaler) => {
          const back = scaler.inverseTransform(scaler.fitTransform(x));
          return firstMismatch(back.flat(), x.flat(), 1e-9, 1e-6) === -1;
        }),
      ),
      { numRuns: 100 },
    );
  });

  it('take tensors and return float32 tensors without leaks; round-trip through JSON', () => {
    const x = tf.tensor2d([[1, 10], [3, 30], [5, 20]]);
    const scaler = new StandardScaler().fit(x);
    expect(leaked(() => scaler.transform(x))).toBe(0);
    expect(leaked(() => scaler.inverseTransform(x))).toBe(0);
    const y = scaler.transform(x);
    expect(y.dtype).toBe('float32');
    const restored = StandardScaler.fromJSON(JSON.parse(JSON.stringify(scaler.toJSON())));
    const z = restored.transform(x);
    expect(Array.from(z.dataSync())).toEqual(Array.from(y.dataSync()));
    const minMax = new MinMaxScaler({ featureRange: [2, 4], clip: true }).fit([[0], [10]]);
    expect(MinMaxScaler.fromJSON(JSON.parse(JSON.stringify(minMax.toJSON()))).transform([[5], [20]])).toEqual([[3], [4]]);
    tf.dispose([x, y, z]);
  });

  it('name the option or shape at fault', () => {
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow('MinMaxScaler: featureRange must be [min, max] with min < max, got [1, 0]');
    expect(() => new StandardScaler().transform([[1]])).toThrow('StandardScaler.transform: this StandardScaler is not fitted yet; call fit first');
    expect(() => new StandardScaler().fit([[1, 2]]).transform([[1]])).toThrow('StandardScaler.transform: X has 1 features, but StandardScaler is expecting 2 features as input');
    const cube = tf.zeros([2, 2, 2]);
    expect(() => new StandardScaler().fit(cube)).toThrow('StandardScaler.fit: X must be 2-D [samples, features], got a tensor of shape [2, 2, 2]');
    cube.dispose();
  });
});
