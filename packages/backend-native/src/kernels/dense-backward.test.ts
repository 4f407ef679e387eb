import { denseBackward } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomArray } from '../test/reference.js';
import { runKernel } from '../test/run-kernel.js';

describe(denseBackward.name, () => {
  it("equals tfjs's gradients of fused.matMul for relu and linear, with the outputs asked for", () => {
    const [rows, inUnits, outUnits] = [33, 70, 19];
    for (const activation of ['relu', 'linear'] as const) {
      const before = tf.memory().numTensors;
      const x = tf.tensor2d(randomArray(rows * inUnits, 1), [rows, inUnits]);
      const kernel = tf.tensor2d(randomArray(inUnits * outUnits, 2), [inUnits, outUnits]);
      const bias = tf.tensor1d(randomArray(outUnits, 3));
      const dy = tf.tensor2d(randomArray(rows * outUnits, 4), [rows, outUnits]);
      const y = tf.fused.matMul({ a: x, b: kernel, bias, activation });
      const expected = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
        tf.sum(tf.mul(tf.fused.matMul({ a: a as tf.Tensor2D, b: b as tf.Tensor2D, bias: c, activation }), dy)),
      )([x, kernel, bias]);
      const outs = runKernel(denseBackward.name, { x, kernel, y, dy }, { activation, hasBias: true, inputGrad: true });
      const [dKernel, dBias, dx] = outs;
      for (const [got, want] of [
        [dKernel!, expected[1]!],
        [dBias!, expected[2]!],
        [dx!, expected[0]!],
      ] as const) {
        expect(got.shape).toEqual(want.shape);
        const [a, b] = [got.dataSync(), want.dataSync()];
        for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-5);
      }
      const only = runKernel(denseBackward.name, { x, kernel, y, dy }, { activation, hasBias: false, inputGrad: false });
      expect(only.map((t) => t.shape)).toEqual([[inUnits, outUnits]]);
      tf.dispose([x, kernel, bias, dy, y, ...expected, ...outs, ...only]);
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});
