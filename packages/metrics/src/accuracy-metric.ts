import * as tf from '@tensorflow/tfjs-core';
import { type AccuracyOptions, countCorrect } from './accuracy.js';
import { checkPair } from './check-pair.js';
import type { LabelsInput } from './label-input.js';
import type { Metric } from './metric.js';
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
export class Accuracy implements Metric {
  private readonly options: AccuracyOptions;
  // Created on the first update, so an unused metric holds no tensor.
  private correct: tf.Scalar | null = null;
  private total = 0;
  private disposed = false;

  constructor(options: AccuracyOptions = {}) {
    this.options = { threshold: resolveThreshold(options.threshold) };
  }

  update(yTrue: LabelsInput, yPred: LabelsInput): void {
    this.checkLive('update');
    const samples = checkPair(yTrue, yPred, 'Accuracy.update');
    const previous = this.correct;
    const batch = countCorrect(yTrue, yPred, this.options);
    // keep: update is often called inside the caller's tf.tidy, which would free the running sum.
    this.correct = tf.keep(previous ? tf.tidy(() => tf.add<tf.Scalar>(previous, batch)) : batch);
    if (previous) tf.dispose([previous, batch]);
    this.total += samples;
  }

  async compute(): Promise<number> {
    const { correct, total } = this.state('compute');
    return (await correct.data())[0]! / total;
  }

  computeSync(): number {
    const { correct, total } = this.state('computeSync');
    return correct.dataSync()[0]! / total;
  }

  reset(): void {
    this.checkLive('reset');
    this.correct?.dispose();
    this.correct = null;
    this.total = 0;
  }

  dispose(): void {
    this.correct?.dispose();
    this.correct = null;
    this.disposed = true;
  }

  private state(method: string): { correct: tf.Scalar; total: number } {
    this.checkLive(method);
    if (!this.correct) throw new Error(`Accuracy.${method}: no samples yet; call update(yTrue, yPred) first`);
    return { correct: this.correct, total: this.total };
  }

  private checkLive(method: string): void {
    if (this.disposed) throw new Error(`Accuracy.${method}: the metric has been disposed`);
  }
}
