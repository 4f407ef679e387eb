import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { ConfusionMatrix, F1Score, FBetaScore, MatthewsCorrCoef, Precision, Recall } from './index.js';

describe('streaming metrics built on counts', () => {
  it('never read data during update, and hold one state tensor', () => {
    const y = tf.randomUniformInt([64], 0, 10, 1) as tf.Tensor1D;
    const scores = tf.randomUniform([64, 10], 0, 1, 'float32', 2);
    const metric = new F1Score({ average: 'macro' });
    const readSync = vi.spyOn(tf.backend(), 'readSync');
    const read = vi.spyOn(tf.backend(), 'read');
    const before = tf.memory().numTensors;
    for (let i = 0; i < 4; i++) metric.update(y, scores);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(readSync).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    metric.reset();
    expect(tf.memory().numTensors).toBe(before);
    metric.dispose();
    tf.dispose([y, scores]);
  });

  it('take numClasses from [N, C] scores, and ask for it with 1-D labels', async () => {
    const scores = tf.tensor2d([[0.9, 0.1, 0], [0.2, 0.7, 0.1]]);
    const inferred = new ConfusionMatrix({ labels: [0, 1, 2] });
    inferred.update([0, 2], scores);
    expect(await inferred.compute()).toEqual([[1, 0, 0], [0, 0, 0], [0, 1, 0]]);
    expect(() => inferred.update([0, 1], tf.zeros([2, 4]))).toThrow('ConfusionMatrix.update: scores have 4 classes but numClasses is 3');
    inferred.dispose();
    const labels = new Recall({ average: 'macro' });
    expect(() => labels.update([0, 1], [1, 1])).toThrow('Recall.update: pass numClasses; 1-D labels do not say how many classes');
    labels.dispose();
    const binary = new Precision({ task: 'binary' });
    binary.update([0, 1, 1], [0.2, 0.9, 0.4]);
    expect(binary.computeSync()).toBe(1);
    binary.dispose();
    scores.dispose();
  });

  it('report labels outside numClasses at compute, and bad options at construction', () => {
    const metric = new MatthewsCorrCoef({ numClasses: 3 });
    metric.update([0, 1, 5], [0, 1, 2]);
    expect(() => metric.computeSync()).toThrow('MatthewsCorrCoef.computeSync: 1 of 3 samples have a label outside 0..2 (numClasses 3)');
    metric.dispose();
    const binary = new Precision({ task: 'binary' });
    binary.update([0, 2], [0, 1]);
    expect(() => binary.computeSync()).toThrow('1 of 2 samples have a label outside 0 and 1');
    binary.dispose();
    expect(() => new Precision({ average: 'sample' as never })).toThrow(
      "Precision: average must be one of 'binary', 'micro', 'macro', 'weighted', 'samples', 'none'; got sample",
    );
    expect(() => new FBetaScore({ beta: -1 })).toThrow('FBetaScore: beta must be a number >= 0; got -1');
    expect(() => new Recall({ numClasses: 0 })).toThrow('Recall: numClasses must be a positive integer; got 0');
    expect(() => new Recall({ task: 'binary', numClasses: 3 })).toThrow("task 'binary' has 2 classes");
  });

  it('type per-label results for average none', () => {
    const metric = new Precision({ average: 'none', numClasses: 3 });
    metric.update([0, 1, 2], [0, 2, 2]);
    const perClass: number[] = metric.computeSync();
    expect(perClass).toEqual([1, 0, 0.5]);
    metric.dispose();
  });

  it('say what is wrong when used out of order', async () => {
    const metric = new Recall({ numClasses: 2 });
    await expect(metric.compute()).rejects.toThrow('Recall.compute: no samples yet; call update(yTrue, yPred) first');
    metric.dispose();
    expect(() => metric.update([1], [1])).toThrow('Recall.update: the metric has been disposed');
  });
});
