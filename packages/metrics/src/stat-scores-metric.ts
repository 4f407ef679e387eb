import { type Constraints, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import { checkLabelList, type TaskOptions } from './classification-options.js';
import { type Counts, type SampleRows, trimClasses } from './counts.js';
import { confusionBatch, indicators, multilabelBatchCounts } from './device-counts.js';
import { asTensor, indicatorFlags, MULTILABEL_ADVICE, throwIfIndicators } from './indicator-check.js';
import { inputShape, type LabelsInput } from './label-input.js';
import type { Metric } from './metric.js';
import { nanFlags, throwIfNaN } from './nan-check.js';
import { checkMultilabelPair } from './read-counts.js';
import { checkSampleWeightShape, type SampleWeight, weightTensor } from './sample-weight.js';
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

/** The most labels `average: 'samples'` streams: its state has (labels + 1)³ cells. */
const MAX_SAMPLE_LABELS = 100;

/**
 * The base of the streaming metrics that derive from counts (precision, recall, F-scores, MCC,
 * kappa, Hamming loss, balanced accuracy, confusion matrix, report): `update` adds the batch's
 * confusion matrix (`[C, C]`) or multilabel column counts (`[3, L]`) to one state tensor on the
 * device, never reading data; `compute` reads it once and derives the value with the functional
 * twin's code, so the result equals the functional metric on the concatenated batches. Counts are
 * int32 until a batch comes with `sampleWeight`, then float32 sums of weights (exact for weights
 * with few significant bits, such as k/4). Binary and multiclass state also holds, per class, how
 * many samples name it (so weight-0 samples still make a class present, as in scikit-learn), and
 * flags for batches whose yTrue or yPred were a multilabel indicator matrix or held NaN, which make
 * `compute` throw (until `reset`). Multilabel metrics that average over samples keep a histogram
 * of the rows' (true positives, predicted, true) counts. The metric owns one tensor, freed by
 * `reset` and `dispose`.
 */
export abstract class StatScoresMetric<Value> implements Metric<Value> {
  private readonly threshold: number;
  private readonly task: TaskOptions['task'];
  private readonly labels: readonly number[] | undefined;
  private size: number | undefined;
  // Multilabel: [3 * L] column counts, two NaN flags, the summed weights, then the row histogram
  // when kept;
  // otherwise the [C * C] confusion matrix, C + C presence counts (true, predicted), two indicator flags, two NaN
  // flags and the count of samples whose labels are in range.
  private state: tf.Tensor | null = null;
  private samples = 0;
  private disposed = false;

  /**
   * `name` (e.g. `Precision`) starts every error message; `options` are checked against
   * `constraints` (@lab/core) first; `advice` ends the message for a multilabel indicator matrix;
   * `sampleRows` keeps what `average: 'samples'` needs for multilabel data.
   */
  protected constructor(
    private readonly name: string,
    options: StreamingOptions,
    constraints: Constraints,
    private readonly advice = MULTILABEL_ADVICE,
    private readonly sampleRows = false,
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

  update(yTrue: LabelsInput, yPred: LabelsInput, sampleWeight?: SampleWeight): void {
    this.checkLive('update');
    const fn = `${this.name}.update`;
    const samples = checkPair(yTrue, yPred, fn);
    checkSampleWeightShape(sampleWeight, samples, fn);
    const batch =
      this.task === 'multilabel' ? this.multilabelBatch(yTrue, yPred, sampleWeight, fn) : this.classBatch(yTrue, yPred, sampleWeight, fn);
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

  /** The columns the row histogram counts over: `labels`, or all. */
  private rowColumns(columns: number): number[] {
    return this.labels ? this.labels.filter((c) => c >= 0 && c < columns) : Array.from({ length: columns }, (_, j) => j);
  }

  private multilabelBatch(yTrue: LabelsInput, yPred: LabelsInput, sampleWeight: SampleWeight | undefined, fn: string): tf.Tensor1D {
    const columns = checkMultilabelPair(yTrue, yPred, fn);
    if (this.size === undefined) this.size = columns;
    if (columns !== this.size) throw new Error(`${fn}: this batch has ${columns} labels but earlier ones had ${this.size}`);
    const scored = this.rowColumns(columns);
    if (this.sampleRows && scored.length > MAX_SAMPLE_LABELS) {
      throw new Error(`${fn}: average 'samples' streams at most ${MAX_SAMPLE_LABELS} labels; this data has ${scored.length} (use the functional metric)`);
    }
    return tf.tidy(() => {
      const t = asTensor(yTrue, 'yTrue');
      const p = asTensor(yPred, 'yPred');
      const parts: tf.Tensor[] = [];
      if (sampleWeight === undefined) {
        parts.push(tf.reshape(multilabelBatchCounts(t, p, this.threshold), [-1]));
      } else {
        const w = tf.expandDims(weightTensor(sampleWeight), 1);
        const ti = tf.cast(indicators(t, this.threshold, 'yTrue'), 'float32');
        const pi = tf.cast(indicators(p, this.threshold, 'yPred'), 'float32');
        parts.push(tf.reshape(tf.stack([tf.sum(tf.mul(tf.mul(ti, pi), w), 0), tf.sum(tf.mul(pi, w), 0), tf.sum(tf.mul(ti, w), 0)]), [-1]));
      }
      parts.push(nanFlags(t, p), tf.reshape(sampleWeight === undefined ? tf.scalar(t.shape[0]!, 'int32') : tf.sum(weightTensor(sampleWeight)), [1]));
      if (this.sampleRows) parts.push(this.rowHistogram(t, p, scored, sampleWeight));
      const dtype = parts.some((x) => x.dtype === 'float32') ? 'float32' : 'int32';
      return tf.concat(parts.map((x) => tf.cast(x, dtype))) as tf.Tensor1D;
    });
  }

  /** Per (tp, predicted, true) triple of a row over `scored` columns, the rows' count or summed weights. */
  private rowHistogram(t: tf.Tensor, p: tf.Tensor, scored: number[], sampleWeight: SampleWeight | undefined): tf.Tensor1D {
    const side = scored.length + 1;
    const pick = tf.tensor1d(scored, 'int32');
    const ti = tf.gather(indicators(t, this.threshold, 'yTrue'), pick, 1);
    const pi = tf.gather(indicators(p, this.threshold, 'yPred'), pick, 1);
    const tp = tf.sum(tf.mul(ti, pi), 1);
    const index = tf.cast(tf.add(tf.add(tf.mul(tp, side * side), tf.mul(tf.sum(pi, 1), side)), tf.sum(ti, 1)), 'int32') as tf.Tensor1D;
    const weights = sampleWeight === undefined ? tf.onesLike(index) : weightTensor(sampleWeight);
    return tf.unsortedSegmentSum(weights, index, side * side * side) as tf.Tensor1D;
  }

  private classBatch(yTrue: LabelsInput, yPred: LabelsInput, sampleWeight: SampleWeight | undefined, fn: string): tf.Tensor1D {
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
      const trueLabels = toLabels(t, options, 'yTrue');
      const predLabels = toLabels(p, options, 'yPred');
      const trueHot = tf.oneHot(trueLabels, size);
      const predHot = tf.oneHot(predLabels, size);
      const inRange = tf.sum(tf.mul(tf.sum(trueHot, 1), tf.sum(predHot, 1)));
      const presence = tf.concat([tf.sum(trueHot, 0), tf.sum(predHot, 0)]);
      const matrix =
        sampleWeight === undefined
          ? confusionBatch(trueLabels, predLabels, size)
          : tf.matMul(tf.cast(trueHot, 'float32'), tf.mul(tf.cast(predHot, 'float32'), tf.expandDims(weightTensor(sampleWeight), 1)), true, false);
      const dtype = matrix.dtype === 'float32' ? 'float32' : 'int32';
      const parts = [tf.reshape(matrix, [-1]), presence, indicatorFlags(t, p), nanFlags(t, p), tf.reshape(inRange, [1])];
      return tf.concat(parts.map((x) => tf.cast(x, dtype))) as tf.Tensor1D;
    });
  }

  private counts(data: ArrayLike<number>, method: string): Counts {
    const size = this.size!;
    const where = 'in a batch given to update() ';
    if (this.task === 'multilabel') {
      throwIfNaN([data[3 * size]!, data[3 * size + 1]!], `${this.name}.${method}`, where);
      const part = (i: number) => Float64Array.from({ length: size }, (_, j) => data[i * size + j]!);
      const actual = part(2);
      const counts: Counts = { kind: 'multilabel', truePositives: part(0), predicted: part(1), actual, samples: data[3 * size + 2]! };
      if (this.sampleRows) counts.rows = this.histogramRows(data, 3 * size + 3, this.rowColumns(size).length);
      return counts;
    }
    const cells = size * size;
    const flags = cells + 2 * size;
    throwIfNaN([data[flags + 2]!, data[flags + 3]!], `${this.name}.${method}`, where);
    throwIfIndicators([data[flags]!, data[flags + 1]!], `${this.name}.${method}`, this.advice, where);
    const inRange = data[flags + 4]!;
    if (inRange !== this.samples) {
      const range = this.task === 'binary' ? '0 and 1' : `0..${size - 1} (numClasses ${size})`;
      throw new Error(`${this.name}.${method}: ${this.samples - inRange} of ${this.samples} samples have a label outside ${range}`);
    }
    const occurring = new Set<number>();
    const trueClasses = new Set<number>();
    for (let c = 0; c < size; c++) {
      if (data[cells + c]! > 0) {
        trueClasses.add(c);
        occurring.add(c);
      }
      if (data[cells + size + c]! > 0) occurring.add(c);
    }
    const counts = trimClasses(data, size, [...occurring, ...(this.labels ?? [])]);
    return { ...counts, occurring, trueClasses };
  }

  /** The non-empty bins of the row histogram as {@link SampleRows}. */
  private histogramRows(data: ArrayLike<number>, start: number, scored: number): SampleRows {
    const side = scored + 1;
    const rows: SampleRows = { truePositives: [], predicted: [], actual: [], weight: [], weighted: false };
    for (let b = 0; b < side * side * side; b++) {
      const w = data[start + b]!;
      if (w === 0) continue;
      rows.truePositives.push(Math.floor(b / (side * side)));
      rows.predicted.push(Math.floor(b / side) % side);
      rows.actual.push(b % side);
      rows.weight.push(w);
    }
    return rows;
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
