import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { accuracy } from './accuracy.js';
import { Accuracy } from './accuracy-metric.js';

/** Seeded random batches: int32 labels and [n, classes] probabilities-like scores. */
function batches(sizes: number[], classes: number, seed: number): [tf.Tensor1D, tf.Tensor2D][] {
  return sizes.map((n, i) => [
    tf.randomUniformInt([n], 0, classes, seed + 2 * i) as tf.Tensor1D,
    tf.randomUniform([n, classes], 0, 1, 'float32', seed + 2 * i + 1),
  ]);
}

describe('Accuracy', () => {
  it('accumulates to the functional accuracy of the concatenated batches', async () => {
    for (const [seed, sizes, classes] of [[42, [32, 32, 7, 1, 50], 3], [7, [5, 200], 10], [3, [64], 2]] as const) {
      const data = batches([...sizes], classes, seed);
      const metric = new Accuracy();
      for (const [y, p] of data) metric.update(y, p);
      const expected = tf.tidy(() => {
        const all = accuracy(tf.concat(data.map(([y]) => y)), tf.concat(data.map(([, p]) => p)));
        return all.dataSync()[0]!;
      });
      // The metric divides in float64; the functional result is that ratio rounded to float32.
      expect(Math.fround(await metric.compute())).toBe(expected);
      expect(Math.fround(metric.computeSync())).toBe(expected);
      // Reading does not consume the state.
      expect(metric.computeSync()).toBe(await metric.compute());
      tf.dispose(data);
      metric.dispose();
    }
  });

  it('counts later batches by their hits alone and still equals the functional result, weights mixed in', async () => {
    // Batches after the first are counted without flags (fast path); a weighted batch then joins
    // them. Reference: the functional accuracy of the concatenation, with weight 1 for the unweighted rows.
    const data = batches([16, 16, 16, 9], 4, 11);
    const weights = [0.5, 2, 1, 3, 0.25, 1, 1, 2, 4];
    const metric = new Accuracy();
    for (const [y, p] of data.slice(0, 3)) metric.update(y, p);
    metric.update(data[3]![0], data[3]![1], weights);
    const expected = tf.tidy(() => {
      const all = accuracy(tf.concat(data.map(([y]) => y)), tf.concat(data.map(([, p]) => p)), { sampleWeight: [...Array(48).fill(1), ...weights] });
      return all.dataSync()[0]!;
    });
    expect(Math.fround(await metric.compute())).toBeCloseTo(expected, 6);
    metric.reset();
    // After a reset the first batch is checked again, and the count starts from zero.
    metric.update(data[0]![0], data[0]![1]);
    metric.update(data[1]![0], data[1]![1]);
    const two = tf.tidy(() => accuracy(tf.concat([data[0]![0], data[1]![0]]), tf.concat([data[0]![1], data[1]![1]])).dataSync()[0]!);
    expect(Math.fround(metric.computeSync())).toBe(two);
    tf.dispose(data);
    metric.dispose();
  });

  it('counts exactly and returns float64 ratios', async () => {
    const metric = new Accuracy();
    metric.update([1, 2, 3], [1, 0, 0]); // 1 of 3
    const p = tf.tensor2d([[0.2], [0.9]]);
    metric.update(p, [0, 1]); // 2 of 2: 3 of 5 in all
    p.dispose();
    expect(await metric.compute()).toBe(3 / 5);
    metric.reset();
    metric.update([0, 0, 0], [0, 1, 1]);
    expect(metric.computeSync()).toBe(1 / 3);
    metric.dispose();
  });

  it('never reads data during update, and keeps no batch tensors', () => {
    const [[y, p]] = batches([16], 4, 7) as [[tf.Tensor1D, tf.Tensor2D]];
    const metric = new Accuracy();
    const readSync = vi.spyOn(tf.backend(), 'readSync');
    const read = vi.spyOn(tf.backend(), 'read');
    const before = tf.memory().numTensors;
    metric.update(y, p);
    // One state tensor, the running int32 count, and nothing else.
    expect(tf.memory().numTensors).toBe(before + 1);
    for (let i = 0; i < 5; i++) metric.update(y, p);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(readSync).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    metric.reset();
    expect(tf.memory().numTensors).toBe(before);
    metric.update(y, p);
    metric.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([y, p]);
  });

  it("survives an update inside the caller's tf.tidy", () => {
    const metric = new Accuracy();
    tf.tidy(() => metric.update(tf.tensor1d([1, 0], 'int32'), tf.tensor2d([[0, 1], [0, 1]])));
    expect(metric.computeSync()).toBe(0.5);
    metric.dispose();
  });

  it('rejects bad batches without changing its state', () => {
    const metric = new Accuracy({ threshold: 0.3 });
    metric.update([1, 0], [0.4, 0.2]);
    const before = tf.memory().numTensors;
    expect(() => metric.update([1, 0, 1], [0.4, 0.2])).toThrow(
      'Accuracy.update: yTrue has 3 samples but yPred has 2 (yTrue shape [3], yPred shape [2])',
    );
    expect(() => metric.update([], [])).toThrow('Accuracy.update: yTrue and yPred are empty');
    expect(tf.memory().numTensors).toBe(before);
    expect(metric.computeSync()).toBe(1);
    metric.dispose();
  });

  it('says what is wrong when used out of order', async () => {
    expect(() => new Accuracy({ threshold: 2 })).toThrow('threshold must be a number in [0, 1), got 2');
    const metric = new Accuracy();
    await expect(metric.compute()).rejects.toThrow('Accuracy.compute: no samples yet; call update(yTrue, yPred) first');
    expect(() => metric.computeSync()).toThrow('Accuracy.computeSync: no samples yet');
    metric.dispose();
    metric.dispose();
    expect(() => metric.update([1], [1])).toThrow('Accuracy.update: the metric has been disposed');
    expect(() => metric.reset()).toThrow('Accuracy.reset: the metric has been disposed');
  });
});
