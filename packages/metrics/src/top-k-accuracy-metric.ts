import type * as tf from '@tensorflow/tfjs-core';
import { CountMetric } from './count-metric.js';
import type { LabelsInput } from './label-input.js';
import { TOP_K_OPTIONS } from './option-constraints.js';
import { checkTopK, countTopKAndFlags, isBinaryScore, resolveK, TOP_K_ADVICE, type TopKAccuracyOptions } from './top-k-accuracy.js';

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
    this.normalize = options.normalize ?? true;
  }

  // Binary scores keep both thresholds' hits and whether a score left [0, 1]: the rule is the
  // whole stream's, as scikit-learn's is the whole array's.
  protected override hitsOf(data: ArrayLike<number>): number {
    return data.length > 4 && data[6]! > 0 ? data[5]! : data[0]!;
  }

  protected check(yTrue: LabelsInput, yScore: LabelsInput, fn: string): number {
    const samples = checkTopK(yTrue, yScore, fn);
    const binary = isBinaryScore(yScore);
    if (this.binary !== undefined && this.binary !== binary) {
      throw new Error(`${fn}: this batch has ${binary ? 'binary [N]' : '[N, C]'} scores but earlier ones did not; one stream has one kind`);
    }
    this.binary = binary;
    return samples;
  }

  private binary: boolean | undefined;

  override reset(): void {
    super.reset();
    this.binary = undefined;
  }

  protected count(yTrue: LabelsInput, yScore: LabelsInput, weight: tf.Tensor1D | null): tf.Tensor1D {
    return countTopKAndFlags(yTrue, yScore, this.k, this.firstBatch, weight);
  }
}
