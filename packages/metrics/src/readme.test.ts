import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import {
  Accuracy,
  accuracy,
  classificationReport,
  confusionMatrix,
  F1Score,
  f1,
  formatClassificationReport,
  formatConfusionMatrix,
  precision,
} from './index.js';

const BEGIN = '// README example begins';
const END = '// README example ends';

// What the example prints; the report is scikit-learn's text for the same labels.
const EXPECTED: unknown[][] = [
  [0.75],
  [0.7777777777777777],
  [[1, 0.5, 1]],
  [
    [
      '              precision    recall  f1-score   support',
      '',
      '           0       1.00      1.00      1.00         1',
      '           1       0.50      1.00      0.67         1',
      '           2       1.00      0.50      0.67         2',
      '',
      '    accuracy                           0.75         4',
      '   macro avg       0.83      0.83      0.78         4',
      'weighted avg       0.88      0.75      0.75         4',
      '',
    ].join('\n'),
  ],
  ['true\\pred 0 1 2\n        0 1 0 0\n        1 0 1 0\n        2 0 1 1\n'],
  [5 / 6],
  [0.8222222222222223],
];

/** The first ```ts block of README.md, without its import statements. */
function readmeExample(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block.replace(/^import [\s\S]*?;\n/gm, '').trim();
}

/** The lines of this file between the markers, dedented. */
function testedExample(): string {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  // The markers as comment lines, not as the constants above.
  const start = source.indexOf(`${BEGIN}\n`) + BEGIN.length;
  const body = source.slice(start, source.indexOf(`${END}\n`));
  return body.replace(/^ {4}/gm, '').trim();
}

describe('README', () => {
  it('runs its example and prints what it says', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const before = tf.memory().numTensors;
    // README example begins
    // Functional: labels against class probabilities (argmax), a float32 scalar that you dispose.
    const yTrue = tf.tensor1d([0, 1, 2, 2], 'int32');
    const probabilities = tf.tensor2d([
      [0.8, 0.1, 0.1],
      [0.2, 0.5, 0.3],
      [0.1, 0.6, 0.3],
      [0.0, 0.4, 0.6],
    ]);
    const score = accuracy(yTrue, probabilities);
    console.log(score.dataSync()[0]); // 0.75
    score.dispose();

    // Scores as scikit-learn 1.2 computes them: float64 numbers, from one read of the labels.
    console.log(f1(yTrue, probabilities, { average: 'macro' })); // 0.7777777777777777
    console.log(precision(yTrue, probabilities, { average: 'none' })); // [ 1, 0.5, 1 ]
    const report = classificationReport(yTrue, probabilities);
    console.log(formatClassificationReport(report)); // the text of sklearn's classification_report
    console.log(formatConfusionMatrix(confusionMatrix(yTrue, probabilities)));

    // Streaming: update every batch (nothing is read back from the device), compute once.
    const metric = new Accuracy();
    const macroF1 = new F1Score({ average: 'macro', numClasses: 3 });
    for (const m of [metric, macroF1]) {
      m.update(yTrue, probabilities);
      m.update([1, 0], [0.9, 0.3]); // binary probabilities, p > 0.5 is class 1
    }
    console.log(await metric.compute()); // 5 of 6: 0.8333333333333334
    console.log(await macroF1.compute()); // 0.8222222222222223
    metric.dispose();
    macroF1.dispose();
    tf.dispose([yTrue, probabilities]);
    // README example ends
    expect(log.mock.calls).toEqual(EXPECTED);
    expect(tf.memory().numTensors).toBe(before);
    log.mockRestore();
  });

  it('shows exactly the example tested here', () => {
    expect(testedExample()).toBe(readmeExample());
  });
});
