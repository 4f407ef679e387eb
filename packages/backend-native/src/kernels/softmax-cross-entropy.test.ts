import { softmaxCrossEntropy } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomArray } from '../test/reference.js';
import { runKernel } from '../test/run-kernel.js';

describe(softmaxCrossEntropy.name, () => {
  it('gives the per-row loss and its logit gradient, as float64 does, for one-hot and soft labels', () => {
    const [rows, cols] = [9, 10];
    const z = randomArray(rows * cols, 1).map((v) => v * 30);
    const labels = new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      if (i % 2 === 0) labels[i * cols + (i % cols)] = 1;
      else for (let j = 0; j < cols; j++) labels[i * cols + j] = 1 / cols;
    }
    const before = tf.memory().numTensors;
    const [logits, target] = [tf.tensor2d(z, [rows, cols]), tf.tensor2d(labels, [rows, cols])];
    const [loss, grad] = runKernel(softmaxCrossEntropy.name, { logits, labels: target });
    expect(loss!.shape).toEqual([rows]);
    expect(grad!.shape).toEqual([rows, cols]);
    const [l, g] = [loss!.dataSync(), grad!.dataSync()];
    for (let i = 0; i < rows; i++) {
      const row = Array.from(z.subarray(i * cols, (i + 1) * cols));
      const max = Math.max(...row);
      const lse = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
      let want = 0;
      for (let j = 0; j < cols; j++) {
        const t = labels[i * cols + j]!;
        want += t * (lse - row[j]!);
        expect(g[i * cols + j]).toBeCloseTo(Math.exp(row[j]! - lse) - t, 6);
      }
      expect(Math.abs(l[i]! - want)).toBeLessThan(1e-5 * Math.max(1, want));
    }
    tf.dispose([logits, target, loss!, grad!]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
