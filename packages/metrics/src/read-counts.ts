import * as tf from '@tensorflow/tfjs-core';
import { checkPair } from './check-pair.js';
import type { TaskOptions } from './classification-options.js';
import { type Counts, countClasses } from './counts.js';
import { multilabelBatchCounts } from './device-counts.js';
import { asTensor, indicatorFlags, MULTILABEL_ADVICE, throwIfIndicators } from './indicator-check.js';
import { formatShape, inputShape, type LabelsInput } from './label-input.js';
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

/**
 * Reads a validated-on-the-way `(yTrue, yPred)` pair into {@link Counts}: one synchronous read of
 * the labels (binary, multiclass) or of `3 * L` column counts (multilabel). `extra` classes (a
 * `labels` option) join the confusion matrix even when absent from the data. Binary and
 * multiclass reads carry two more numbers, whether either side is a multilabel indicator matrix,
 * which is an error ending in `advice` (see `throwIfIndicators`), not an argmax.
 */
export function readCounts(
  yTrue: LabelsInput,
  yPred: LabelsInput,
  options: TaskOptions,
  fn: string,
  extra: readonly number[] = [],
  advice = MULTILABEL_ADVICE,
): Counts {
  const samples = checkPair(yTrue, yPred, fn);
  const threshold = resolveThreshold(options.threshold);
  if (options.task === 'multilabel') {
    const columns = checkMultilabelPair(yTrue, yPred, fn);
    const counts = multilabelBatchCounts(yTrue, yPred, threshold);
    const data = counts.dataSync();
    counts.dispose();
    return {
      kind: 'multilabel',
      truePositives: Float64Array.from(data.subarray(0, columns)),
      predicted: Float64Array.from(data.subarray(columns, 2 * columns)),
      actual: Float64Array.from(data.subarray(2 * columns)),
      samples,
    };
  }
  const packed = tf.tidy(() => {
    const t = asTensor(yTrue, 'yTrue');
    const p = asTensor(yPred, 'yPred');
    return tf.concat([toLabels(t, { threshold }, 'yTrue'), toLabels(p, { threshold }, 'yPred'), indicatorFlags(t, p)]);
  });
  const data = packed.dataSync();
  packed.dispose();
  throwIfIndicators(data.subarray(2 * samples), fn, advice);
  const trueLabels = data.subarray(0, samples);
  const predLabels = data.subarray(samples, 2 * samples);
  if (options.task === 'binary') checkBinary(trueLabels, predLabels, fn);
  return countClasses(trueLabels, predLabels, extra);
}

function checkBinary(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, fn: string): void {
  for (const [name, labels] of [['yTrue', yTrue], ['yPred', yPred]] as const) {
    for (let i = 0; i < labels.length; i++) {
      const v = labels[i]!;
      if (v !== 0 && v !== 1) throw new Error(`${fn}: task 'binary' needs labels 0 and 1, but ${name}[${i}] is ${v}`);
    }
  }
}
