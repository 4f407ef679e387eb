import { type Constraints, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import { checkLabelList, type TaskOptions } from './classification-options.js';
import { type Counts, trimClasses } from './counts.js';
import { confusionBatch, multilabelBatchCounts } from './device-counts.js';
import { asTensor, indicatorFlags, MULTILABEL_ADVICE, throwIfIndicators } from './indicator-check.js';
import { inputShape, type LabelsInput } from './label-input.js';
import type { Metric } from './metric.js';
import { checkMultilabelPair } from './read-counts.js';
import { resolveThreshold, toLabels } from './to-labels.js';

/** Options every streaming classification metric takes besides its own. */
export interface StreamingOptions extends TaskOptions {
  /**
   * Number of classes, labels `0..numClasses-1`: the size of the confusion matrix kept on the
   * device. Default: C of the first `[N, C]` input, or 2 for `task: 'binary'`; with 1-D labels of
   * a multiclass task it is required (finding it would need a read). Unused for multilabel.
   */
  numClasses?: number;
  /** As the functional metric's `labels`. */
  labels?: readonly number[];
}

/**
 * The base of the streaming metrics that derive from counts (precision, recall, F-scores, MCC,
 * balanced accuracy, confusion matrix, report): `update` adds the batch's int32 confusion matrix
 * (`[C, C]`) or multilabel column counts (`[3, L]`) to one state tensor on the device, never
 * reading data; `compute` reads it once and derives the value with the functional twin's code,
 * so the result equals the functional metric on the concatenated batches. Binary and multiclass
 * state also counts, after the `C * C` cells, the batches whose yTrue and whose yPred were a
 * multilabel indicator matrix, which makes `compute` throw (until `reset`) instead of scoring an
 * argmax. The metric owns one tensor, freed by `reset` and `dispose`.
 */
export abstract class StatScoresMetric<Value> implements Metric<Value> {
  private readonly threshold: number;
  private readonly task: TaskOptions['task'];
  private readonly labels: readonly number[] | undefined;
  private size: number | undefined;
  // Multilabel: [3, L] column counts; otherwise the [C * C] confusion matrix then two flags.
  private state: tf.Tensor | null = null;
  private samples = 0;
  private disposed = false;

  /**
   * `name` (e.g. `Precision`) starts every error message; `options` are checked against
   * `constraints` (@lab/core) first; `advice` ends the message for a multilabel indicator matrix.
   */
  protected constructor(
    private readonly name: string,
    options: StreamingOptions,
    constraints: Constraints,
    private readonly advice = MULTILABEL_ADVICE,
  ) {
    checkOptions(name, options, constraints);
    this.threshold = resolveThreshold(options.threshold, name);
    this.task = options.task;
    this.labels = options.labels;
    checkLabelList(options.labels, name);
    const n = options.numClasses;
    if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new Error(`${name}: numClasses must be a positive integer; got ${n}`);
    if (options.task === 'binary' && n !== undefined && n !== 2) throw new Error(`${name}: task 'binary' has 2 classes; got numClasses ${n}`);
    this.size = options.task === 'binary' ? 2 : n;
  }

  /** The value of accumulated counts; subclasses call the functional twin's `...FromCounts`. */
  protected abstract fromCounts(counts: Counts): Value;

  update(yTrue: LabelsInput, yPred: LabelsInput): void {
    this.checkLive('update');
    const fn = `${this.name}.update`;
    const samples = checkPair(yTrue, yPred, fn);
    const batch = this.task === 'multilabel' ? this.multilabelBatch(yTrue, yPred, fn) : this.classBatch(yTrue, yPred, fn);
    const previous = this.state;
    // keep: update is often called inside the caller's tf.tidy, which would free the running sum.
    this.state = tf.keep(previous ? tf.tidy(() => tf.add(previous, batch)) : batch);
    if (previous) tf.dispose([previous, batch]);
    this.samples += samples;
  }

  async compute(): Promise<Value> {
    const state = this.requireState('compute');
    return this.fromCounts(this.counts(await state.data(), 'compute'));
  }

  computeSync(): Value {
    const state = this.requireState('computeSync');
    return this.fromCounts(this.counts(state.dataSync(), 'computeSync'));
  }

  reset(): void {
    this.checkLive('reset');
    this.state?.dispose();
    this.state = null;
    this.samples = 0;
  }

  dispose(): void {
    this.state?.dispose();
    this.state = null;
    this.disposed = true;
  }

  private multilabelBatch(yTrue: LabelsInput, yPred: LabelsInput, fn: string): tf.Tensor2D {
    const columns = checkMultilabelPair(yTrue, yPred, fn);
    if (this.size === undefined) this.size = columns;
    if (columns !== this.size) throw new Error(`${fn}: this batch has ${columns} labels but earlier ones had ${this.size}`);
    return multilabelBatchCounts(yTrue, yPred, this.threshold);
  }

  private classBatch(yTrue: LabelsInput, yPred: LabelsInput, fn: string): tf.Tensor1D {
    const widths = [inputShape(yTrue)[1] ?? 1, inputShape(yPred)[1] ?? 1].filter((c) => c > 1);
    if (this.size === undefined) this.size = widths[0];
    const size = this.size;
    if (size === undefined) {
      throw new Error(`${fn}: pass numClasses; 1-D labels do not say how many classes there are without reading them`);
    }
    if (widths.some((c) => c !== size)) throw new Error(`${fn}: scores have ${widths[0]} classes but numClasses is ${size}`);
    return tf.tidy(() => {
      const options = { threshold: this.threshold };
      const t = asTensor(yTrue, 'yTrue');
      const p = asTensor(yPred, 'yPred');
      const matrix = confusionBatch(toLabels(t, options, 'yTrue'), toLabels(p, options, 'yPred'), size);
      return tf.concat([tf.reshape(matrix, [-1]), indicatorFlags(t, p)]) as tf.Tensor1D;
    });
  }

  private counts(data: ArrayLike<number>, method: string): Counts {
    const size = this.size!;
    if (this.task === 'multilabel') {
      const part = (i: number) => Float64Array.from({ length: size }, (_, j) => data[i * size + j]!);
      return { kind: 'multilabel', truePositives: part(0), predicted: part(1), actual: part(2), samples: this.samples };
    }
    const cells = size * size;
    throwIfIndicators([data[cells]!, data[cells + 1]!], `${this.name}.${method}`, this.advice, 'in a batch given to update() ');
    let total = 0;
    for (let i = 0; i < cells; i++) total += data[i]!;
    if (total !== this.samples) {
      const range = this.task === 'binary' ? '0 and 1' : `0..${size - 1} (numClasses ${size})`;
      throw new Error(`${this.name}.${method}: ${this.samples - total} of ${this.samples} samples have a label outside ${range}`);
    }
    return trimClasses(data, size, this.labels ?? []);
  }

  private requireState(method: string): tf.Tensor {
    this.checkLive(method);
    if (!this.state) throw new Error(`${this.name}.${method}: no samples yet; call update(yTrue, yPred) first`);
    return this.state;
  }

  private checkLive(method: string): void {
    if (this.disposed) throw new Error(`${this.name}.${method}: the metric has been disposed`);
  }
}
