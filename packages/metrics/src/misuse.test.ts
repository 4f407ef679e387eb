import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Accuracy,
  accuracy,
  BalancedAccuracy,
  balancedAccuracy,
  ClassificationReportMetric,
  classificationReport,
  ConfusionMatrix,
  confusionMatrix,
  F1Score,
  f1,
  FBetaScore,
  fbeta,
  formatClassificationReport,
  formatConfusionMatrix,
  MatthewsCorrCoef,
  matthewsCorrcoef,
  multilabelConfusionMatrix,
  Precision,
  precision,
  Recall,
  recall,
  TopKAccuracy,
  topKAccuracy,
  toLabels,
} from './index.js';

// Two samples, three labels: the first has labels 0 and 1, the second 1 and 2.
const multiHot = [
  [1, 1, 0],
  [0, 1, 1],
];
// Right on the first sample, one label missing on the second: subset accuracy 0.5. Read as
// argmax, both sides are [0, 1] and accuracy would be a plausible, wrong 1.
const multiHotPred = [
  [1, 1, 0],
  [0, 1, 0],
];

const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0]!;
  t.dispose();
  return v;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('unknown options', () => {
  it('are errors with the closest option as a hint, for every functional metric', () => {
    const t = [0, 1, 1, 0];
    const p = [0, 1, 0, 0];
    expect(() => accuracy(t, p, { treshold: 0.3 } as never)).toThrow(
      "accuracy: unknown option 'treshold' (did you mean 'threshold'?); the options are threshold, task",
    );
    expect(() => precision(t, p, { avarage: 'macro' } as never)).toThrow("precision: unknown option 'avarage' (did you mean 'average'?)");
    expect(() => recall(t, p, { pos_label: 0 } as never)).toThrow("recall: unknown option 'pos_label' (did you mean 'posLabel'?)");
    expect(() => f1(t, p, { zero_division: 0 } as never)).toThrow("f1: unknown option 'zero_division' (did you mean 'zeroDivision'?)");
    expect(() => fbeta(t, p, { beta: 2, betta: 1 } as never)).toThrow("fbeta: unknown option 'betta' (did you mean 'beta'?)");
    expect(() => balancedAccuracy(t, p, { adjust: true } as never)).toThrow("balancedAccuracy: unknown option 'adjust' (did you mean 'adjusted'?)");
    expect(() => matthewsCorrcoef(t, p, { average: 'macro' } as never)).toThrow(
      "matthewsCorrcoef: unknown option 'average'; the options are threshold, task",
    );
    expect(() => confusionMatrix(t, p, { normalise: 'true' } as never)).toThrow("confusionMatrix: unknown option 'normalise' (did you mean 'normalize'?)");
    expect(() => multilabelConfusionMatrix(t, p, { label: [0] } as never)).toThrow(
      "multilabelConfusionMatrix: unknown option 'label' (did you mean 'labels'?)",
    );
    expect(() => classificationReport(t, p, { target_names: ['a', 'b'] } as never)).toThrow(
      "classificationReport: unknown option 'target_names' (did you mean 'targetNames'?)",
    );
    expect(() => topKAccuracy([0], [[0.2, 0.8]], { K: 1 } as never)).toThrow("topKAccuracy: unknown option 'K' (did you mean 'k'?)");
    expect(() => toLabels([1], { treshold: 0.2 } as never)).toThrow("toLabels: unknown option 'treshold' (did you mean 'threshold'?)");
  });

  it('are errors for every streaming metric, at construction', () => {
    expect(() => new Accuracy({ tasks: 'multilabel' } as never)).toThrow("Accuracy: unknown option 'tasks' (did you mean 'task'?)");
    expect(() => new Precision({ numclasses: 10 } as never)).toThrow("Precision: unknown option 'numclasses' (did you mean 'numClasses'?)");
    expect(() => new Recall({ averge: 'macro' } as never)).toThrow("Recall: unknown option 'averge' (did you mean 'average'?)");
    expect(() => new F1Score({ num_classes: 3 } as never)).toThrow("F1Score: unknown option 'num_classes' (did you mean 'numClasses'?)");
    expect(() => new FBetaScore({ beta: 1, bta: 2 } as never)).toThrow("FBetaScore: unknown option 'bta' (did you mean 'beta'?)");
    expect(() => new ConfusionMatrix({ normalise: 'all' } as never)).toThrow("ConfusionMatrix: unknown option 'normalise' (did you mean 'normalize'?)");
    expect(() => new MatthewsCorrCoef({ labels: [0, 1] } as never)).toThrow("MatthewsCorrCoef: unknown option 'labels'");
    expect(() => new BalancedAccuracy({ adjustd: true } as never)).toThrow("BalancedAccuracy: unknown option 'adjustd' (did you mean 'adjusted'?)");
    expect(() => new ClassificationReportMetric({ targetName: ['a'] } as never)).toThrow(
      "ClassificationReportMetric: unknown option 'targetName' (did you mean 'targetNames'?)",
    );
    expect(() => new TopKAccuracy({ topK: 3 } as never)).toThrow("TopKAccuracy: unknown option 'topK'");
  });

  it('are errors for the text formatters', () => {
    const report = classificationReport([0, 1], [0, 1]);
    expect(() => formatClassificationReport(report, { digit: 3 } as never)).toThrow(
      "formatClassificationReport: unknown option 'digit' (did you mean 'digits'?)",
    );
    expect(() => formatConfusionMatrix([[1]], { name: ['a'] } as never)).toThrow("formatConfusionMatrix: unknown option 'name' (did you mean 'names'?)");
  });
});

describe('option values', () => {
  it('name the owner, the option and what is allowed', () => {
    expect(() => precision([0, 1], [0, 1], { task: 'multi-class' } as never)).toThrow(
      "precision: task must be one of 'binary', 'multiclass', 'multilabel'; got \"multi-class\"",
    );
    expect(() => accuracy([0, 1], [0, 1], { task: 'multilabels' } as never)).toThrow('accuracy: task must be one of');
    expect(() => balancedAccuracy([0, 1], [0, 1], { adjusted: 'yes' } as never)).toThrow('balancedAccuracy: adjusted must be true or false; got "yes"');
    expect(() => confusionMatrix([0, 1], [0, 1], { normalize: 'rows' } as never)).toThrow(
      "confusionMatrix: normalize must be one of 'true', 'pred', 'all'; got \"rows\"",
    );
    expect(() => recall([0, 1], [0, 1], { posLabel: 0.5 })).toThrow('recall: posLabel must be an integer; got 0.5');
    expect(() => precision([0, 1], [0, 1], { average: 'macro', labels: [0, 'b'] } as never)).toThrow('precision: labels must be an array of integer');
    expect(() => classificationReport([0, 1], [0, 1], { targetNames: [0, 1] } as never)).toThrow('classificationReport: targetNames must be an array of string');
    expect(() => formatClassificationReport(classificationReport([0, 1], [0, 1]), { digits: -1 })).toThrow(
      'formatClassificationReport: digits must be an integer with 0 <= digits; got -1',
    );
    expect(() => new Accuracy({ numClasses: 0 })).toThrow('Accuracy: numClasses must be a positive integer; got 0');
    expect(() => accuracy([0, 1], [0, 1], null as never)).toThrow('accuracy: options must be an object; got null');
  });

  it('give the owner of a bad threshold', () => {
    expect(() => accuracy([0, 1], [0.2, 0.9], { threshold: 1.5 })).toThrow('accuracy: threshold must be a number in [0, 1), got 1.5');
    expect(() => new Precision({ threshold: -1 })).toThrow('Precision: threshold must be a number in [0, 1), got -1');
  });
});

describe('a multilabel indicator matrix without task: multilabel', () => {
  it('is an error for accuracy, on either side, where it was read as argmax', () => {
    expect(() => accuracy(multiHot, multiHotPred)).toThrow(
      "accuracy: yTrue is a multilabel indicator matrix (0/1 values with a row that has no 1 or more than one), which would be read as one class per row (argmax); pass task: 'multilabel'",
    );
    expect(value(accuracy(multiHot, multiHotPred, { task: 'multilabel' }))).toBe(0.5);
    // One class per sample on the true side, thresholded multilabel predictions on the other.
    expect(() => accuracy([0, 1, 2], [[1, 1, 0], [0, 1, 0], [0, 0, 0]])).toThrow('accuracy: yPred is a multilabel indicator matrix');
    const yTrue = tf.tensor2d(multiHot, [2, 3], 'int32');
    const probabilities = tf.tensor2d([[0.6, 0.9, 0.1], [0.1, 0.8, 0.7]]);
    const thresholded = tf.greater(probabilities, 0.5);
    const before = tf.memory().numTensors;
    expect(() => accuracy(yTrue, probabilities)).toThrow('accuracy: yTrue is a multilabel indicator matrix');
    expect(() => accuracy([1, 1], thresholded)).toThrow('accuracy: yPred is a multilabel indicator matrix');
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([yTrue, probabilities, thresholded]);
  });

  it('is an error for the scores and matrices, naming the way out', () => {
    expect(() => precision(multiHot, multiHotPred, { average: 'macro' })).toThrow("precision: yTrue is a multilabel indicator matrix");
    expect(() => f1(multiHot, multiHotPred, { average: 'micro' })).toThrow("pass task: 'multilabel' to score each label");
    expect(() => recall([0, 1], multiHotPred, { average: 'macro' })).toThrow('recall: yPred is a multilabel indicator matrix');
    expect(() => classificationReport(multiHot, multiHotPred)).toThrow('classificationReport: yTrue is a multilabel indicator matrix');
    expect(() => multilabelConfusionMatrix(multiHot, multiHotPred)).toThrow("multilabelConfusionMatrix: yTrue is a multilabel indicator matrix");
    expect(() => confusionMatrix(multiHot, multiHotPred)).toThrow("use multilabelConfusionMatrix with task: 'multilabel'");
    expect(() => matthewsCorrcoef(multiHot, multiHotPred)).toThrow('matthewsCorrcoef: yTrue is a multilabel indicator matrix (0/1 values');
    expect(() => balancedAccuracy(multiHot, multiHotPred)).toThrow('this metric has no multilabel form');
    expect(() => topKAccuracy(multiHot, [[0.5, 0.3, 0.2], [0.1, 0.2, 0.7]], { k: 2 })).toThrow(
      'topKAccuracy: yTrue is a multilabel indicator matrix (0/1 values with a row that has no 1 or more than one), which would be read as one class per row (argmax); top-k accuracy needs one true class per sample',
    );
    // With the task given, the same data is scored per label, as before.
    expect(precision(multiHot, multiHotPred, { task: 'multilabel', average: 'micro' })).toBe(1);
    expect(recall(multiHot, multiHotPred, { task: 'multilabel', average: 'micro' })).toBe(0.75);
  });

  it('makes a streaming metric throw at compute, without reading data in update', () => {
    const metrics = [new Accuracy(), new F1Score({ average: 'macro' }), new ConfusionMatrix(), new TopKAccuracy()];
    const readSync = vi.spyOn(tf.backend(), 'readSync');
    const read = vi.spyOn(tf.backend(), 'read');
    for (const m of metrics) {
      // Streaming count metrics check the first batch after a reset (a stream keeps one format).
      m.update(multiHot, [[0.7, 0.2, 0.1], [0.2, 0.5, 0.3]]);
      m.update([[1, 0, 0], [0, 1, 0]], [[0.7, 0.2, 0.1], [0.2, 0.5, 0.3]]);
    }
    expect(readSync).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(() => metrics[0]!.computeSync()).toThrow(
      'Accuracy.computeSync: yTrue in a batch given to update() is a multilabel indicator matrix',
    );
    expect(() => metrics[1]!.computeSync()).toThrow('F1Score.computeSync: yTrue in a batch given to update() is a multilabel indicator matrix');
    expect(() => metrics[2]!.computeSync()).toThrow('use multilabelConfusionMatrix');
    expect(() => metrics[3]!.computeSync()).toThrow('top-k accuracy needs one true class per sample');
    for (const m of metrics) {
      m.reset();
      m.update([[1, 0, 0], [0, 1, 0]], [[0.7, 0.2, 0.1], [0.2, 0.5, 0.3]]);
    }
    expect(metrics[0]!.computeSync()).toBe(1);
    expect(metrics[1]!.computeSync()).toBe(1);
    for (const m of metrics) m.dispose();
  });

  it('streams with its predictions flagged too, and task multilabel still streams', async () => {
    const accuracyMetric = new Accuracy();
    const precisionMetric = new Precision({ average: 'micro', numClasses: 3 });
    accuracyMetric.update([0, 1], multiHotPred);
    precisionMetric.update([0, 1], multiHotPred);
    await expect(accuracyMetric.compute()).rejects.toThrow('Accuracy.compute: yPred in a batch given to update() is a multilabel indicator matrix');
    await expect(precisionMetric.compute()).rejects.toThrow('Precision.compute: yPred in a batch');
    const subset = new Accuracy({ task: 'multilabel' });
    subset.update(multiHot, multiHotPred);
    expect(await subset.compute()).toBe(0.5);
    for (const m of [accuracyMetric, precisionMetric, subset]) m.dispose();
  });
});

describe('one class per sample', () => {
  it('reads one-hot targets and one-hot predictions as today', () => {
    const oneHot = tf.tensor2d([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]], [4, 3], 'int32');
    const probabilities = tf.tensor2d([[0.9, 0.1, 0], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0, 0.3, 0.7]]);
    const predicted = tf.oneHot(tf.tensor1d([0, 1, 1, 2], 'int32'), 3);
    const smoothed = tf.tensor2d([[0.9, 0.05, 0.05], [0.05, 0.9, 0.05], [0.05, 0.05, 0.9], [0.05, 0.05, 0.9]]);
    const wide = tf.zeros([4, 5]);
    const before = tf.memory().numTensors;
    expect(value(accuracy(oneHot, probabilities))).toBe(0.75);
    expect(value(accuracy(oneHot, predicted))).toBe(0.75);
    expect(value(accuracy(smoothed, probabilities))).toBe(0.75);
    expect(value(topKAccuracy(oneHot, probabilities, { k: 1 }))).toBe(0.75);
    expect(precision(oneHot, predicted, { average: 'micro' })).toBe(0.75);
    expect(confusionMatrix(oneHot, predicted)).toEqual([[1, 0, 0], [0, 1, 0], [0, 1, 1]]);
    const metric = new Accuracy({ numClasses: 3 });
    metric.update(oneHot, predicted);
    expect(metric.computeSync()).toBe(0.75);
    expect(() => metric.update([0, 1, 1, 2], wide)).toThrow('Accuracy.update: yPred has 5 classes but numClasses is 3');
    metric.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([oneHot, probabilities, predicted, smoothed, wide]);
  });
});
