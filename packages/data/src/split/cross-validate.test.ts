import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { type CrossValidatable, crossValidate, crossValidateFolds, summarize } from './cross-validate.js';
import { kFold } from './k-fold.js';
import { stratifiedKFold } from './stratified-k-fold.js';

/** A nearest-centroid classifier on one-hot targets: enough of a model to cross-validate. */
class NearestCentroid implements CrossValidatable<{ note?: string }> {
  centroids: tf.Tensor2D | null = null;
  fitOptions: unknown[] = [];
  disposed = false;

  async fit(x: tf.Tensor, y: tf.Tensor, options?: { note?: string }): Promise<void> {
    this.fitOptions.push(options);
    this.centroids = tf.tidy(() => tf.div<tf.Tensor2D>(tf.matMul(y as tf.Tensor2D, x as tf.Tensor2D, true, false), tf.expandDims(tf.sum(y, 0), 1)));
  }

  predict(x: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const c = this.centroids!;
      const distances = tf.sum(tf.square(tf.sub(tf.expandDims(x, 1), tf.expandDims(c, 0))), 2);
      return tf.oneHot(tf.argMin(distances, 1), c.shape[0]);
    });
  }

  dispose(): void {
    this.centroids?.dispose();
    this.disposed = true;
  }
}

/** Two well separated classes in 2-D, 20 samples. */
function blobs(): { x: tf.Tensor2D; y: tf.Tensor2D; labels: number[] } {
  const labels = Array.from({ length: 20 }, (_, i) => i % 2);
  const x = tf.tensor2d(labels.map((l, i) => [l * 10 + (i % 3) * 0.1, l * 10 - (i % 5) * 0.1]));
  return { x, y: tf.oneHot(tf.tensor1d(labels, 'int32'), 2) as tf.Tensor2D, labels };
}

const accuracy = (t: tf.Tensor, p: tf.Tensor) => tf.tidy(() => tf.mean(tf.cast(tf.equal(tf.argMax(t, 1), tf.argMax(p, 1)), 'float32')) as tf.Scalar);

describe('crossValidate', () => {
  it('trains a fresh model per fold, scores each test fold and frees every tensor', async () => {
    const { x, y, labels } = blobs();
    const models: NearestCentroid[] = [];
    const seen: number[] = [];
    const before = tf.memory().numTensors;
    const result = await crossValidate(
      () => {
        models.push(new NearestCentroid());
        return models.at(-1)!;
      },
      { x, y },
      {
        folds: stratifiedKFold(labels, { k: 4 }),
        metrics: { accuracy, half: () => 0.5, asyncScore: async () => 1 },
        fitOptions: { note: 'epochs' },
        onFold: (fold) => seen.push(fold.fold),
      },
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(models.length).toBe(4);
    expect(models.every((m) => m.disposed)).toBe(true);
    expect(models.map((m) => m.fitOptions)).toEqual(Array(4).fill([{ note: 'epochs' }]));
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(result.folds.map((f) => [f.trainSize, f.testSize])).toEqual([[15, 5], [15, 5], [15, 5], [15, 5]]);
    expect(result.mean).toEqual({ accuracy: 1, half: 0.5, asyncScore: 1 });
    expect(result.std).toEqual({ accuracy: 0, half: 0, asyncScore: 0 });
    tf.dispose([x, y]);
  });

  it('defaults to 5 unshuffled folds, and frees the fold when fit throws', async () => {
    const { x, y } = blobs();
    const before = tf.memory().numTensors;
    let made = 0;
    const failing = crossValidate(
      () => {
        made++;
        const model = new NearestCentroid();
        model.fit = async () => {
          throw new Error('out of memory');
        };
        return model;
      },
      { x, y },
      { metrics: { accuracy } },
    );
    await expect(failing).rejects.toThrow('out of memory');
    expect(made).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    const result = await crossValidate(() => new NearestCentroid(), { x, y }, { metrics: { accuracy } });
    expect(result.folds.length).toBe(5);
    tf.dispose([x, y]);
  });

  it('says what is wrong', async () => {
    const { x, y } = blobs();
    const short = tf.zeros([3, 2]);
    await expect(crossValidate(() => new NearestCentroid(), { x, y: short }, { metrics: { accuracy } })).rejects.toThrow(
      'crossValidate: x has 20 rows but y has 3',
    );
    await expect(crossValidate(() => new NearestCentroid(), { x, y }, { metrics: {} })).rejects.toThrow(
      'crossValidate: metrics must name at least one score',
    );
    tf.dispose([x, y, short]);
  });
});

describe('crossValidateFolds and summarize', () => {
  it('run a callback per fold and report population and sample standard deviations', async () => {
    const result = await crossValidateFolds(kFold(8, { k: 4 }), (fold, i) => ({ score: [0.5, 0.7, 0.9, 0.7][i]!, n: fold.test.length }));
    expect(result.mean.score).toBeCloseTo(0.7, 15);
    // np.std([0.5, 0.7, 0.9, 0.7]) = sqrt(0.08 / 4); with ddof=1, sqrt(0.08 / 3).
    expect(result.std.score).toBeCloseTo(Math.sqrt(0.02), 15);
    expect(result.sampleStd.score).toBeCloseTo(Math.sqrt(0.08 / 3), 15);
    expect(result.mean.n).toBe(2);
    expect(summarize([])).toEqual({ mean: {}, std: {}, sampleStd: {} });
    await expect(crossValidateFolds([], () => ({}))).rejects.toThrow('crossValidate: no folds');
  });
});
