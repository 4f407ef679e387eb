import { type Constraints, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { MULTILABEL_ADVICE, throwIfIndicators } from './indicator-check.js';
import type { LabelsInput } from './label-input.js';
import type { Metric } from './metric.js';

/**
 * The base of streaming ratios of samples (accuracy, top-k accuracy): the count of hits stays on
 * the device in an int32 `[3]` tensor with two flags (whether yTrue or yPred of some batch was a
 * multilabel indicator matrix), the sample count comes from shapes, so `update` never reads data
 * back; `compute` reads the three numbers once, throws if a flag is set, and divides in float64.
 * The metric owns one tensor, freed by `reset` and `dispose`.
 */
export abstract class CountMetric implements Metric {
  // Created on the first update, so an unused metric holds no tensor.
  private hits: tf.Tensor1D | null = null;
  private total = 0;
  private disposed = false;

  /**
   * `name` (e.g. `Accuracy`) starts every error message; `options` are checked against
   * `constraints` (@lab/core); `advice` ends the message for a multilabel indicator matrix.
   */
  protected constructor(
    private readonly name: string,
    options: unknown,
    constraints: Constraints,
    private readonly advice = MULTILABEL_ADVICE,
  ) {
    checkOptions(name, options, constraints);
  }

  /** Validates a batch from shapes (throwing with `fn` in the message); returns its sample count. */
  protected abstract check(yTrue: LabelsInput, yPred: LabelsInput, fn: string): number;

  /**
   * The number of hits in a validated batch and its two indicator flags (see `indicatorFlags`), as
   * an int32 `[3]` tensor the caller disposes.
   */
  protected abstract count(yTrue: LabelsInput, yPred: LabelsInput): tf.Tensor1D;

  /**
   * Whether the batch being counted is the first since the last reset: only it is checked for a
   * multilabel indicator matrix (a stream's batches share one format), which keeps the check's
   * ten-odd kernels out of every later step of a training loop.
   */
  protected firstBatch = true;

  update(yTrue: LabelsInput, yPred: LabelsInput): void {
    this.checkLive('update');
    const samples = this.check(yTrue, yPred, `${this.name}.update`);
    const previous = this.hits;
    this.firstBatch = previous === null;
    const batch = this.count(yTrue, yPred);
    // keep: update is often called inside the caller's tf.tidy, which would free the running sum.
    this.hits = tf.keep(previous ? tf.tidy(() => tf.add<tf.Tensor1D>(previous, batch)) : batch);
    if (previous) tf.dispose([previous, batch]);
    this.total += samples;
  }

  async compute(): Promise<number> {
    const { hits, total } = this.state('compute');
    return this.ratio(await hits.data(), total, 'compute');
  }

  computeSync(): number {
    const { hits, total } = this.state('computeSync');
    return this.ratio(hits.dataSync(), total, 'computeSync');
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

  private ratio(data: ArrayLike<number>, total: number, method: string): number {
    throwIfIndicators([data[1]!, data[2]!], `${this.name}.${method}`, this.advice, 'in a batch given to update() ');
    return data[0]! / total;
  }

  private state(method: string): { hits: tf.Tensor1D; total: number } {
    this.checkLive(method);
    if (!this.hits) throw new Error(`${this.name}.${method}: no samples yet; call update(yTrue, yPred) first`);
    return { hits: this.hits, total: this.total };
  }

  private checkLive(method: string): void {
    if (this.disposed) throw new Error(`${this.name}.${method}: the metric has been disposed`);
  }
}
