import type * as tf from '@tensorflow/tfjs-core';
import { CountMetric } from './count-metric.js';
import type { LabelsInput } from './label-input.js';
import { TOP_K_OPTIONS } from './option-constraints.js';
import { checkTopK, countTopKAndFlags, resolveK, TOP_K_ADVICE, type TopKAccuracyOptions } from './top-k-accuracy.js';

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
    super('TopKAccuracy', options, TOP_K_OPTIONS, TOP_K_ADVICE);
    this.k = resolveK(options.k, 'TopKAccuracy');
  }

  protected check(yTrue: LabelsInput, yScore: LabelsInput, fn: string): number {
    return checkTopK(yTrue, yScore, fn);
  }

  protected count(yTrue: LabelsInput, yScore: LabelsInput): tf.Tensor1D {
    return countTopKAndFlags(yTrue, yScore, this.k, this.firstBatch);
  }
}
