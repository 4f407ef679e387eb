import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { KNNImputer } from './knn-imputer.js';
import { MaxAbsScaler } from './max-abs-scaler.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { Pipeline, type PipelineJSON, type PipelineStep } from './pipeline.js';
import { RobustScaler } from './robust-scaler.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';

const x = [[1, Number.NaN, 3], [4, 5, Number.NaN], [7, 8, 9], [Number.NaN, 2, 1]];

describe('Pipeline', () => {
  it('fits and transforms in order, like the steps one by one', () => {
    const pipeline = new Pipeline([['impute', new KNNImputer({ nNeighbors: 2 })], ['scale', new StandardScaler()]]).fit(x);
    const byHand = new StandardScaler().fitTransform(new KNNImputer({ nNeighbors: 2 }).fitTransform(x));
    expect(pipeline.transform(x)).toEqual(byHand);
    expect(() => pipeline.inverseTransform(byHand)).toThrow("KNNImputer: inverseTransform is not supported");
  });

  it('serializes to JSON and back, giving the same numbers', () => {
    const pipeline = new Pipeline([['impute', new SimpleImputer({ strategy: 'median' })], ['scale', new MinMaxScaler({ featureRange: [-1, 1] })]]).fit(x);
    const json = JSON.parse(JSON.stringify(pipeline)) as PipelineJSON;
    expect(json.steps.map((s) => s.transformer.type)).toEqual(['SimpleImputer', 'MinMaxScaler']);
    const restored = Pipeline.fromJSON(json);
    expect(restored.transform(x)).toEqual(pipeline.transform(x));
    expect(() => Pipeline.fromJSON({ ...json, steps: [{ name: 'odd', transformer: { type: 'PCA', params: {}, state: null } }] })).toThrow(
      'Pipeline.fromJSON: step "odd" has unknown type PCA',
    );
  });

  it('restores RobustScaler and MaxAbsScaler steps with their options and fitted state', () => {
    // NaN cells are ignored by both scalers' fit and kept by transform, so no imputer is needed.
    const rows = [[1, -8, 3], [4, 5, Number.NaN], [7, 2, 9], [Number.NaN, 2, 1], [100, -3, 0]];
    const pipeline = new Pipeline([
      ['robust', new RobustScaler({ quantileRange: [10, 90], unitVariance: true })],
      ['maxabs', new MaxAbsScaler()],
    ]).fit(rows);
    const json = JSON.parse(JSON.stringify(pipeline)) as PipelineJSON;
    expect(json.steps.map((s) => s.transformer.type)).toEqual(['RobustScaler', 'MaxAbsScaler']);
    const restored = Pipeline.fromJSON(json);
    const [[, robust], [, maxAbs]] = restored.steps as [PipelineStep, PipelineStep];
    expect(robust).toBeInstanceOf(RobustScaler);
    expect((robust as RobustScaler).options).toEqual({ withCentering: true, withScaling: true, quantileRange: [10, 90], unitVariance: true });
    expect((robust as RobustScaler).scale_).toEqual((pipeline.steps[0]![1] as RobustScaler).scale_);
    expect(maxAbs).toBeInstanceOf(MaxAbsScaler);
    expect((maxAbs as MaxAbsScaler).maxAbs_).toEqual((pipeline.steps[1]![1] as MaxAbsScaler).maxAbs_);
    const expected = pipeline.transform(rows);
    expect(restored.transform(rows)).toEqual(expected);
    // Both steps invert, so the restored pipeline gives the rows back (to float64 rounding), NaN kept.
    const back = restored.inverseTransform(expected);
    for (const [i, row] of rows.entries()) {
      for (const [j, v] of row.entries()) {
        if (Number.isNaN(v)) expect(back[i]![j]).toBeNaN();
        else expect(back[i]![j]).toBeCloseTo(v, 12);
      }
    }
    expect(JSON.parse(JSON.stringify(restored))).toEqual(json);
  });

  it('disposes intermediate tensors', () => {
    const t = tf.tensor2d([[1, 2], [3, Number.NaN], [5, 6]]);
    const pipeline = new Pipeline([['impute', new SimpleImputer()], ['scale', new StandardScaler()]]);
    const before = tf.memory().numTensors;
    pipeline.fit(t);
    const y = pipeline.transform(t);
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([t, y]);
  });

  it('names bad steps', () => {
    expect(() => new Pipeline([])).toThrow('Pipeline: steps must be a non-empty array of [name, transformer]');
    expect(() => new Pipeline([['a', new StandardScaler()], ['a', new StandardScaler()]])).toThrow('Pipeline: step names must be distinct strings');
  });
});
