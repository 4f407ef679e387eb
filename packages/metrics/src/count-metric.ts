import { type Constraints, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { MULTILABEL_ADVICE, throwIfIndicators } from './indicator-check.js';
import type { LabelsInput } from './label-input.js';
import type { Metric } from './metric.js';
import { checkSampleWeightShape, type SampleWeight, weightTensor } from './sample-weight.js';

/**
 * The base of streaming ratios of samples (accuracy, top-k accuracy): the count of hits stays on
 * the device in a `[4, ...]` tensor with two flags (whether yTrue or yPred of some batch was a
 * multilabel indicator matrix) and the number of samples (int32), or the weighted hits and summed
 * weights (float32, once a batch comes with `sampleWeight`), so `update` never reads data back;
 * `compute` reads them once, throws if a flag is set, and divides in float64 (or, with
 * `normalize` false, gives the count). The metric owns one tensor, freed by `reset` and `dispose`.
 */
export abstract class CountMetric implements Metric {
  // Created on the first update, so an unused metric holds no tensor.
  private hits: tf.Tensor1D | null = null;
  // Samples of the later unweighted batches counted by `countHits` (their hits go into entry 0
  // of `hits`, their samples are known from shapes and kept here rather than on the device).
  private laterSamples = 0;
  private disposed = false;
  /** false: `compute` gives the (weighted) count of hits, not the fraction. */
  protected normalize = true;

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
   * The hits in a validated batch (weighted by `weight`, a float32 `[N]`, when given), its two
   * indicator flags (see `indicatorFlags`) and its sample count (or summed weights), as a `[4]`
   * tensor (int32 without weights) the caller disposes; subclasses may append more entries.
   */
  protected abstract count(yTrue: LabelsInput, yPred: LabelsInput, weight: tf.Tensor1D | null): tf.Tensor1D;

  /**
   * The hits alone (an int32 scalar, the first entry of `count`'s result) of an unweighted batch
   * after the first, for subclasses whose `hitsOf` is the default: lets `update` skip the flags
   * and the concatenation. Optional.
   */
  protected countHits?(yTrue: LabelsInput, yPred: LabelsInput): tf.Scalar;

  /** The hits of the state read back; by default its first entry. */
  protected hitsOf(data: ArrayLike<number>): number {
    return data[0]!;
  }

  /**
   * Whether the batch being counted is the first since the last reset: only it is checked for a
   * multilabel indicator matrix (a stream's batches share one format), which keeps the check's
   * ten-odd kernels out of every later step of a training loop.
   */
  protected firstBatch = true;

  update(yTrue: LabelsInput, yPred: LabelsInput, sampleWeight?: SampleWeight): void {
    this.checkLive('update');
    const samples = this.check(yTrue, yPred, `${this.name}.update`);
    checkSampleWeightShape(sampleWeight, samples, `${this.name}.update`);
    const previous = this.hits;
    this.firstBatch = previous === null;
    if (previous !== null && previous.dtype === 'int32' && sampleWeight === undefined && this.countHits) {
      // The hits alone, padded into entry 0: a training step pays for the count and one add.
      const count = this.countHits;
      this.hits = tf.keep(tf.tidy(() => tf.add<tf.Tensor1D>(previous, tf.pad(tf.reshape(count.call(this, yTrue, yPred), [1]), [[0, previous.shape[0]! - 1]]))));
      previous.dispose();
      this.laterSamples += samples;
      return;
    }
    const batch = tf.tidy(() => this.count(yTrue, yPred, sampleWeight === undefined ? null : weightTensor(sampleWeight)));
    // keep: update is often called inside the caller's tf.tidy, which would free the running sum.
    this.hits = tf.keep(previous ? tf.tidy(() => tf.add<tf.Tensor1D>(previous, batch)) : batch);
    if (previous) tf.dispose([previous, batch]);
  }

  async compute(): Promise<number> {
    return this.ratio(await this.state('compute').data(), 'compute');
  }

  computeSync(): number {
    return this.ratio(this.state('computeSync').dataSync(), 'computeSync');
  }

  reset(): void {
    this.checkLive('reset');
    this.free();
  }

  dispose(): void {
    this.free();
    this.disposed = true;
  }

  private free(): void {
    this.hits?.dispose();
    this.hits = null;
    this.laterSamples = 0;
  }

  private ratio(data: ArrayLike<number>, method: string): number {
    throwIfIndicators([data[1]!, data[2]!], `${this.name}.${method}`, this.advice, 'in a batch given to update() ');
    const hits = this.hitsOf(data);
    if (!this.normalize) return hits;
    const total = data[3]! + this.laterSamples;
    if (total === 0) throw new Error(`${this.name}.${method}: the sample weights sum to zero, so the fraction is undefined`);
    return hits / total;
  }

  private state(method: string): tf.Tensor1D {
    this.checkLive(method);
    if (!this.hits) throw new Error(`${this.name}.${method}: no samples yet; call update(yTrue, yPred) first`);
    return this.hits;
  }

  private checkLive(method: string): void {
    if (this.disposed) throw new Error(`${this.name}.${method}: the metric has been disposed`);
  }
}
