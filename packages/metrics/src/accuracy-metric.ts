import type * as tf from '@tensorflow/tfjs-core';
import { ACCURACY_OPTIONS, type AccuracyOptions, checkAccuracyPair, countCorrect, countCorrectAndFlags } from './accuracy.js';
import { CountMetric } from './count-metric.js';
import { inputShape, type LabelsInput } from './label-input.js';
import { STREAMING_OPTIONS } from './option-constraints.js';
import { resolveThreshold } from './to-labels.js';

/** Options of {@link Accuracy}: {@link AccuracyOptions} and `numClasses`. */
export interface StreamingAccuracyOptions extends AccuracyOptions {
  /**
   * The number of classes, as the other streaming metrics take it (torchmetrics' `num_classes`):
   * not needed to count, but when given, `[N, C]` batches must have C = `numClasses` (2 for
   * `task: 'binary'`). Default: any C.
   */
  numClasses?: number;
}

/**
 * Streaming accuracy (torchmetrics' `Accuracy`): the fraction correct over every batch passed to
 * `update`. The correct count stays on the device as an int32 tensor; the sample count comes from
 * shapes, so `update` never reads data back. The result equals the functional {@link accuracy}
 * on the concatenated batches (computed here in float64, there rounded to float32), including
 * `normalize` and `update`'s `sampleWeight`.
 * Options as {@link accuracy}; the metric owns one tensor, freed by `reset` and `dispose`. A
 * multilabel indicator matrix in a batch without `task: 'multilabel'` is found on the device and
 * makes `compute` throw (until `reset`).
 *
 * @example
 * const metric = new Accuracy();
 * for (const [y, out] of batches) metric.update(y, out);
 * console.log(await metric.compute()); // e.g. 0.975
 * metric.dispose();
 */
export class Accuracy extends CountMetric {
  private readonly options: AccuracyOptions;
  private readonly numClasses: number | undefined;

  /** @param options see {@link StreamingAccuracyOptions} */
  constructor(options: StreamingAccuracyOptions = {}) {
    super('Accuracy', options, { ...ACCURACY_OPTIONS, ...STREAMING_OPTIONS });
    this.normalize = options.normalize ?? true;
    this.options = { threshold: resolveThreshold(options.threshold, 'Accuracy'), task: options.task };
    const n = options.numClasses;
    if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new Error(`Accuracy: numClasses must be a positive integer; got ${n}`);
    if (options.task === 'binary' && n !== undefined && n !== 2) throw new Error(`Accuracy: task 'binary' has 2 classes; got numClasses ${n}`);
    this.numClasses = n;
  }

  protected check(yTrue: LabelsInput, yPred: LabelsInput, fn: string): number {
    const samples = checkAccuracyPair(yTrue, yPred, this.options, fn);
    const n = this.numClasses;
    for (const [name, input] of [['yTrue', yTrue], ['yPred', yPred]] as const) {
      const columns = inputShape(input)[1] ?? 1;
      if (n !== undefined && columns > 1 && columns !== n) throw new Error(`${fn}: ${name} has ${columns} classes but numClasses is ${n}`);
    }
    return samples;
  }

  protected count(yTrue: LabelsInput, yPred: LabelsInput, weight: tf.Tensor1D | null): tf.Tensor1D {
    return countCorrectAndFlags(yTrue, yPred, this.options, this.firstBatch, weight);
  }

  protected override countHits(yTrue: LabelsInput, yPred: LabelsInput): tf.Scalar {
    return countCorrect(yTrue, yPred, this.options);
  }
}
