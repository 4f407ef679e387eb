// HostBatches writes each batch straight into the backend's memory where it can (native's pool,
// the wasm heap) and through tf.tensor elsewhere: the same rows, in order, on every backend.
import * as tf from '@tensorflow/tfjs-core';
import '@lab/backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { HostBatches } from './host-batches.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('HostBatches', () => {
  for (const backend of ['cpu', 'wasm']) {
    it(`${backend}: gives the rows at the indices, float32 and int32, and leaks nothing`, async () => {
      await tf.setBackend(backend);
      const x = tf.tensor3d(Float32Array.from({ length: 7 * 6 }, (_, i) => i + 0.5), [7, 2, 3]);
      const y = tf.tensor1d([10, 11, 12, 13, 14, 15, 16], 'int32');
      const host = await HostBatches.from(x, y);
      const before = tf.memory().numTensors;
      for (const order of [[6, 0, 3], [2], [5, 5, 1, 4]]) {
        const [xb, yb] = host.batch(Int32Array.from(order));
        expect(xb.shape).toEqual([order.length, 2, 3]);
        expect([xb.dtype, yb.dtype]).toEqual(['float32', 'int32']);
        expect(Array.from(xb.dataSync())).toEqual(order.flatMap((r) => Array.from({ length: 6 }, (_, j) => r * 6 + j + 0.5)));
        expect(Array.from(yb.dataSync())).toEqual(order.map((r) => 10 + r));
        // A kernel on the batch sees the same values (the tensor really owns the memory written).
        const sum = tf.sum(xb);
        expect(sum.dataSync()[0]).toBeCloseTo(order.reduce((s, r) => s + 36 * r + 18, 0), 3);
        sum.dispose();
        tf.dispose([xb, yb]);
      }
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, y]);
    });
  }
});
