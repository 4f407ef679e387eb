import * as tf from '@tensorflow/tfjs-core';
import type { LabelsInput } from './label-input.js';
import type { Metric } from './metric.js';

/**
 * The base of streaming ratios of samples (accuracy, top-k accuracy): the count of hits stays on
 * the device as an int32 scalar, the sample count comes from shapes, so `update` never reads data
 * back; `compute` reads the count once and divides in float64. The metric owns one tensor, freed
 * by `reset` and `dispose`.
 */
export abstract class CountMetric implements Metric {
  // Created on the first update, so an unused metric holds no tensor.
  private hits: tf.Scalar | null = null;
  private total = 0;
  private disposed = false;

  /** `name` (e.g. `Accuracy`) starts every error message. */
  protected constructor(private readonly name: string) {}

  /** Validates a batch from shapes (throwing with `fn` in the message); returns its sample count. */
  protected abstract check(yTrue: LabelsInput, yPred: LabelsInput, fn: string): number;

  /** The number of hits in a validated batch, as an int32 scalar the caller disposes. */
  protected abstract count(yTrue: LabelsInput, yPred: LabelsInput): tf.Scalar;

  update(yTrue: LabelsInput, yPred: LabelsInput): void {
    this.checkLive('update');
    const samples = this.check(yTrue, yPred, `${this.name}.update`);
    const previous = this.hits;
    const batch = this.count(yTrue, yPred);
    // keep: update is often called inside the caller's tf.tidy, which would free the running sum.
    this.hits = tf.keep(previous ? tf.tidy(() => tf.add<tf.Scalar>(previous, batch)) : batch);
    if (previous) tf.dispose([previous, batch]);
    this.total += samples;
  }

  async compute(): Promise<number> {
    const { hits, total } = this.state('compute');
    return (await hits.data())[0]! / total;
  }

  computeSync(): number {
    const { hits, total } = this.state('computeSync');
    return hits.dataSync()[0]! / total;
  }

  reset(): void {
    this.checkLive('reset');
    this.hits?.dispose();
    this.hits = null;
    this.total = 0;
  }

  dispose(): void {
    this.hits?.dispose();
    this.hits = null;
    this.disposed = true;
  }

  private state(method: string): { hits: tf.Scalar; total: number } {
    this.checkLive(method);
    if (!this.hits) throw new Error(`${this.name}.${method}: no samples yet; call update(yTrue, yPred) first`);
    return { hits: this.hits, total: this.total };
  }

  private checkLive(method: string): void {
    if (this.disposed) throw new Error(`${this.name}.${method}: the metric has been disposed`);
  }
}
