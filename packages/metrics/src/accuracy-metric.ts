import type * as tf from '@tensorflow/tfjs-core';
import { type AccuracyOptions, checkAccuracyPair, countCorrect } from './accuracy.js';
import { CountMetric } from './count-metric.js';
import type { LabelsInput } from './label-input.js';
import { resolveThreshold } from './to-labels.js';

/**
 * Streaming accuracy (torchmetrics' `Accuracy`): the fraction correct over every batch passed to
 * `update`. The correct count stays on the device as an int32 scalar; the sample count comes from
 * shapes, so `update` never reads data back. The result equals the functional {@link accuracy}
 * on the concatenated batches (computed here in float64, there rounded to float32).
 * Options as {@link accuracy}; the metric owns one tensor, freed by `reset` and `dispose`.
 *
 * @example
 * const metric = new Accuracy();
 * for (const [y, out] of batches) metric.update(y, out);
 * console.log(await metric.compute()); // e.g. 0.975
 * metric.dispose();
 */
export class Accuracy extends CountMetric {
  private readonly options: AccuracyOptions;

  /** @param options see {@link AccuracyOptions} */
  constructor(options: AccuracyOptions = {}) {
    super('Accuracy');
    this.options = { threshold: resolveThreshold(options.threshold), task: options.task };
  }

  protected check(yTrue: LabelsInput, yPred: LabelsInput, fn: string): number {
    return checkAccuracyPair(yTrue, yPred, this.options, fn);
  }

  protected count(yTrue: LabelsInput, yPred: LabelsInput): tf.Scalar {
    return countCorrect(yTrue, yPred, this.options);
  }
}
