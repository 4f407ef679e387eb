import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import type { TaskOptions } from './classification-options.js';
import { type Counts, countClasses, type SampleRows } from './counts.js';
import { indicators } from './device-counts.js';
import { asTensor, indicatorFlags, MULTILABEL_ADVICE, throwIfIndicators } from './indicator-check.js';
import { formatShape, inputShape, type LabelsInput } from './label-input.js';
import { nanFlags, throwIfNaN } from './nan-check.js';
import { readSampleWeight, type SampleWeight } from './sample-weight.js';
import { resolveThreshold, toLabels } from './to-labels.js';

/** Checks that a pair is multilabel data: `[N, L]` on both sides with the same L. */
export function checkMultilabelPair(yTrue: LabelsInput, yPred: LabelsInput, fn: string): number {
  const trueShape = inputShape(yTrue);
  const predShape = inputShape(yPred);
  if (trueShape.length !== 2 || predShape.length !== 2 || trueShape[1] !== predShape[1]) {
    throw new Error(
      `${fn}: task 'multilabel' needs [N, L] indicators or probabilities on both sides with the same L ` +
        `(yTrue shape ${formatShape(trueShape)}, yPred shape ${formatShape(predShape)})`,
    );
  }
  return trueShape[1]!;
}

/** What {@link readCounts} reads besides the pair. */
export interface ReadOptions {
  /** Classes (a `labels` option) that join the confusion matrix even when absent from the data. */
  extra?: readonly number[];
  /** Ends the message for a multilabel indicator matrix (see `throwIfIndicators`). */
  advice?: string;
  /** Per-sample weights (scikit-learn's `sample_weight`). */
  sampleWeight?: SampleWeight;
  /** Multilabel only: keep per-row counts over these columns (all when empty) for `average: 'samples'`. */
  rows?: readonly number[] | boolean;
}

/**
 * Reads a validated-on-the-way `(yTrue, yPred)` pair into {@link Counts}, in float64: one
 * synchronous read of the labels (binary, multiclass) or of the two `[N, L]` indicator matrices
 * (multilabel), and of the weights. The read carries four flags computed on the device: whether
 * either side is a multilabel indicator matrix, which is an error ending in `advice` (see
 * `throwIfIndicators`), not an argmax, and whether either side holds NaN, an error too.
 */
export function readCounts(yTrue: LabelsInput, yPred: LabelsInput, options: TaskOptions, fn: string, read: ReadOptions = {}): Counts {
  const samples = checkPair(yTrue, yPred, fn);
  const threshold = resolveThreshold(options.threshold);
  const weight = readSampleWeight(read.sampleWeight, samples, fn);
  if (options.task === 'multilabel') {
    const columns = checkMultilabelPair(yTrue, yPred, fn);
    const packed = tf.tidy(() => {
      const t = asTensor(yTrue, 'yTrue');
      const p = asTensor(yPred, 'yPred');
      return tf.concat([tf.reshape(indicators(t, threshold, 'yTrue'), [-1]), tf.reshape(indicators(p, threshold, 'yPred'), [-1]), nanFlags(t, p)]);
    });
    const data = packed.dataSync();
    packed.dispose();
    throwIfNaN(data.subarray(2 * samples * columns), fn);
    return multilabelCounts(data.subarray(0, samples * columns), data.subarray(samples * columns, 2 * samples * columns), samples, columns, weight, read.rows);
  }
  const packed = tf.tidy(() => {
    const t = asTensor(yTrue, 'yTrue');
    const p = asTensor(yPred, 'yPred');
    return tf.concat([toLabels(t, { threshold }, 'yTrue'), toLabels(p, { threshold }, 'yPred'), indicatorFlags(t, p), nanFlags(t, p)]);
  });
  const data = packed.dataSync();
  packed.dispose();
  throwIfNaN(data.subarray(2 * samples + 2), fn);
  throwIfIndicators(data.subarray(2 * samples, 2 * samples + 2), fn, read.advice ?? MULTILABEL_ADVICE);
  const trueLabels = data.subarray(0, samples);
  const predLabels = data.subarray(samples, 2 * samples);
  if (options.task === 'binary') checkBinary(trueLabels, predLabels, fn);
  if (read.rows) throw new Error(`${fn}: average 'samples' is only for multilabel data (task: 'multilabel')`);
  return countClasses(trueLabels, predLabels, read.extra ?? [], weight);
}

/** Column counts (weighted) and, when asked for, per-row counts of two `[N, L]` 0/1 matrices. */
function multilabelCounts(
  t: ArrayLike<number>,
  p: ArrayLike<number>,
  samples: number,
  columns: number,
  weight: Float64Array | undefined,
  rowColumns: ReadOptions['rows'],
): Counts {
  const truePositives = new Float64Array(columns);
  const predicted = new Float64Array(columns);
  const actual = new Float64Array(columns);
  let total = 0;
  for (let i = 0; i < samples; i++) {
    const w = weight ? weight[i]! : 1;
    total += w;
    for (let j = 0; j < columns; j++) {
      const k = i * columns + j;
      truePositives[j]! += t[k]! * p[k]! * w;
      predicted[j]! += p[k]! * w;
      actual[j]! += t[k]! * w;
    }
  }
  if (!rowColumns) return { kind: 'multilabel', truePositives, predicted, actual, samples: total };
  const scored = Array.isArray(rowColumns) && rowColumns.length > 0 ? rowColumns.filter((c) => c >= 0 && c < columns) : Array.from({ length: columns }, (_, j) => j);
  const rows: SampleRows = { truePositives: [], predicted: [], actual: [], weight: [], weighted: weight !== undefined };
  for (let i = 0; i < samples; i++) {
    let tp = 0;
    let pred = 0;
    let act = 0;
    for (const j of scored) {
      const k = i * columns + j;
      tp += t[k]! * p[k]!;
      pred += p[k]!;
      act += t[k]!;
    }
    rows.truePositives.push(tp);
    rows.predicted.push(pred);
    rows.actual.push(act);
    rows.weight.push(weight ? weight[i]! : 1);
  }
  return { kind: 'multilabel', truePositives, predicted, actual, samples: total, rows };
}

function checkBinary(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, fn: string): void {
  for (const [name, labels] of [['yTrue', yTrue], ['yPred', yPred]] as const) {
    for (let i = 0; i < labels.length; i++) {
      const v = labels[i]!;
      if (v !== 0 && v !== 1) throw new Error(`${fn}: task 'binary' needs labels 0 and 1, but ${name}[${i}] is ${v}`);
    }
  }
}
