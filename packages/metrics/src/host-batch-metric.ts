import * as tf from '@tensorflow/tfjs-core';
import { type HostMatrix, matrixFromData, readMatrix, type ValuesInput } from './host-values.js';
import { formatShape, inputShape } from './label-input.js';
import type { Metric } from './metric.js';
import { checkFiniteWeights, checkSampleWeightShape, type SampleWeight } from './sample-weight.js';

/** One batch read back to the host in float64 and checked finite. */
export interface HostBatch {
  yTrue: HostMatrix;
  yPred: HostMatrix;
  /** One weight per sample; undefined means every weight is 1. */
  weight: Float64Array | undefined;
}

type Side = HostMatrix | tf.Tensor;
interface PendingBatch {
  yTrue: Side;
  yPred: Side;
  weight: Float64Array | tf.Tensor | undefined;
  /** 1 for the first `update` since the last reset, for error messages. */
  index: number;
}

/**
 * How many values of batch tensors may wait on the device to be read: past it, `update` folds
 * them in (one synchronous read), so memory stays bounded over a long epoch.
 */
export const PENDING_VALUES_LIMIT = 1 << 20;

/**
 * The base of the streaming metrics computed on the host in float64 (regression, ranking), so
 * that they equal their functional twins on the concatenated batches. `update` checks shapes
 * and never reads a tensor back: it keeps a reference (`tf.clone`, no copy) until `compute` reads
 * every waiting batch at once (asynchronously) and folds it, in `update` order, into the state
 * on the host; JS arrays are copied and checked right away. A batch with NaN or infinity makes
 * `compute` throw, naming the batch and element, until `reset`. The metric owns only the waiting
 * clones, freed by `compute`, `reset` and `dispose`.
 */
export abstract class HostBatchMetric<Value> implements Metric<Value> {
  private pending: PendingBatch[] = [];
  private pendingValues = 0;
  private updates = 0;
  private columns: readonly [number, number] | null = null;
  private failure: Error | null = null;
  private disposed = false;
  /** Samples folded into the state since the last reset. */
  protected samples = 0;

  /**
   * @param name starts every error message (e.g. `MeanSquaredError`)
   * @param predName what the second argument of `update` is called in messages (`yPred`, `yScore`)
   */
  protected constructor(
    protected readonly name: string,
    protected readonly predName = 'yPred',
  ) {}

  /** Checks a batch's column counts (the first batch's fix them for the rest); throws with `fn`. */
  protected checkColumns(_trueColumns: number, _predColumns: number, _shapes: string, _fn: string): void {}

  /** Adds one checked batch to the state. */
  protected abstract accumulate(batch: HostBatch): void;

  /** The value of the state (at least one sample); errors start with `fn`. */
  protected abstract result(fn: string): Value;

  /** Forgets the state. */
  protected abstract clear(): void;

  update(yTrue: ValuesInput, yPred: ValuesInput, sampleWeight?: SampleWeight): void {
    this.checkLive('update');
    const fn = `${this.name}.update`;
    const trueShape = inputShape(yTrue);
    const predShape = inputShape(yPred);
    const shapes = `yTrue shape ${formatShape(trueShape)}, ${this.predName} shape ${formatShape(predShape)}`;
    for (const [name, input, shape] of [['yTrue', yTrue, trueShape], [this.predName, yPred, predShape]] as const) {
      if (shape.length !== 1 && shape.length !== 2) throw new Error(`${fn}: ${name} must be 1-D or 2-D; got shape ${formatShape(shape)}`);
      if (input instanceof tf.Tensor && (input.dtype === 'string' || input.dtype === 'complex64')) {
        throw new Error(`${fn}: ${name} must be numeric or bool, got dtype ${input.dtype}`);
      }
    }
    if (trueShape[0] !== predShape[0]) throw new Error(`${fn}: yTrue has ${trueShape[0]} samples but ${this.predName} has ${predShape[0]} (${shapes})`);
    const samples = trueShape[0]!;
    checkSampleWeightShape(sampleWeight, samples, fn);
    const index = this.updates + 1;
    if (samples === 0) {
      this.updates = index;
      return;
    }
    const columns = [trueShape[1] ?? 1, predShape[1] ?? 1] as const;
    this.checkColumns(columns[0], columns[1], shapes, fn);
    if (this.columns && (this.columns[0] !== columns[0] || this.columns[1] !== columns[1])) {
      throw new Error(
        `${fn}: yTrue has ${columns[0]} and ${this.predName} ${columns[1]} columns, but earlier batches had ${this.columns[0]} and ${this.columns[1]} (${shapes})`,
      );
    }
    // JS arrays are read (and checked) now; tensors wait, kept out of any tf.tidy around the call.
    const side = (input: ValuesInput, name: string): Side => (input instanceof tf.Tensor ? tf.keep(tf.clone(input)) : readMatrix(input, fn, name));
    const t = side(yTrue, 'yTrue');
    const p = side(yPred, this.predName);
    let weight: PendingBatch['weight'];
    if (sampleWeight instanceof tf.Tensor) weight = tf.keep(tf.clone(sampleWeight));
    else if (sampleWeight !== undefined) weight = Float64Array.from(sampleWeight);
    this.pending.push({ yTrue: t, yPred: p, weight, index });
    for (const x of [t, p, weight]) if (x instanceof tf.Tensor) this.pendingValues += x.size;
    this.updates = index;
    this.columns = columns;
    // Nothing to read (all JS arrays), or too much waiting: fold now.
    if (this.pendingValues === 0 || this.pendingValues > PENDING_VALUES_LIMIT) this.fold((x) => x.dataSync(), false);
  }

  async compute(): Promise<Value> {
    this.checkLive('compute');
    const tensors = this.pendingTensors();
    const values = await Promise.all(tensors.map((x) => x.data()));
    const read = new Map<tf.Tensor, ArrayLike<number>>(tensors.map((x, i) => [x, values[i] as ArrayLike<number>]));
    // A batch added while the reads were under way is read synchronously.
    return this.finish('compute', (x) => read.get(x) ?? x.dataSync());
  }

  computeSync(): Value {
    this.checkLive('computeSync');
    return this.finish('computeSync', (x) => x.dataSync());
  }

  reset(): void {
    this.checkLive('reset');
    this.release();
    this.updates = 0;
    this.columns = null;
    this.failure = null;
    this.samples = 0;
    this.clear();
  }

  dispose(): void {
    this.release();
    this.disposed = true;
  }

  private finish(method: string, read: (x: tf.Tensor) => ArrayLike<number>): Value {
    this.fold(read, true);
    if (this.failure) throw this.failure;
    if (this.samples === 0) throw new Error(`${this.name}.${method}: no samples yet; call update(yTrue, ${this.predName}) first`);
    return this.result(`${this.name}.${method}`);
  }

  /**
   * Folds every waiting batch into the state, in order. The first bad one is kept as the failure
   * that `compute` throws (`rethrow`: now) until `reset`.
   */
  private fold(read: (x: tf.Tensor) => ArrayLike<number>, rethrow: boolean): void {
    try {
      for (const batch of this.pending) {
        if (this.failure) break;
        const fn = `${this.name}.compute (batch ${batch.index} given to update)`;
        const side = (s: Side, name: string) => (s instanceof tf.Tensor ? matrixFromData(read(s), s.shape, fn, name) : s);
        const yTrue = side(batch.yTrue, 'yTrue');
        const yPred = side(batch.yPred, this.predName);
        const weight = batch.weight instanceof tf.Tensor ? Float64Array.from(read(batch.weight)) : batch.weight;
        if (weight) checkFiniteWeights(weight, fn);
        this.accumulate({ yTrue, yPred, weight });
        this.samples += yTrue.rows;
      }
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
      if (rethrow) throw this.failure;
    } finally {
      this.release();
    }
  }

  private pendingTensors(): tf.Tensor[] {
    return this.pending.flatMap((b) => [b.yTrue, b.yPred, b.weight].filter((x): x is tf.Tensor => x instanceof tf.Tensor));
  }

  private release(): void {
    tf.dispose(this.pendingTensors());
    this.pending = [];
    this.pendingValues = 0;
  }

  private checkLive(method: string): void {
    if (this.disposed) throw new Error(`${this.name}.${method}: the metric has been disposed`);
  }
}
