import type * as tf from '@tensorflow/tfjs-core';
import { CountMetric } from './count-metric.js';
import type { LabelsInput } from './label-input.js';
import { checkTopK, countTopK, resolveK, type TopKAccuracyOptions } from './top-k-accuracy.js';

/**
 * Streaming {@link topKAccuracy}: the hit count stays on the device (no read per batch);
 * `compute` divides once in float64 and equals the function on the concatenated batches.
 *
 * @example
 * const metric = new TopKAccuracy({ k: 5 });
 * for (const [y, logits] of batches) metric.update(y, logits);
 * console.log(await metric.compute());
 * metric.dispose();
 */
export class TopKAccuracy extends CountMetric {
  private readonly k: number;

  /** @param options `k`, default 2 (as scikit-learn) */
  constructor(options: TopKAccuracyOptions = {}) {
    super('TopKAccuracy');
    this.k = resolveK(options.k, 'TopKAccuracy');
  }

  protected check(yTrue: LabelsInput, yScore: LabelsInput, fn: string): number {
    return checkTopK(yTrue, yScore, fn);
  }

  protected count(yTrue: LabelsInput, yScore: LabelsInput): tf.Scalar {
    return countTopK(yTrue, yScore, this.k);
  }
}
