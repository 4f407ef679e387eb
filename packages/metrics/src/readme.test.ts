import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { Accuracy, accuracy } from './index.js';

const BEGIN = '// README example begins';
const END = '// README example ends';

/** The first ```ts block of README.md, without its import lines. */
function readmeExample(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block.replace(/^import .*\n/gm, '').trim();
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

    // Streaming: update every batch (nothing is read back from the device), compute once.
    const metric = new Accuracy();
    metric.update(yTrue, probabilities);
    metric.update([1, 0], [0.9, 0.3]); // binary probabilities, p > 0.5 is class 1
    console.log(await metric.compute()); // 5 of 6: 0.8333333333333334
    metric.dispose();
    tf.dispose([yTrue, probabilities]);
    // README example ends
    expect(log.mock.calls).toEqual([[0.75], [5 / 6]]);
    expect(tf.memory().numTensors).toBe(before);
    log.mockRestore();
  });

  it('shows exactly the example tested here', () => {
    expect(testedExample()).toBe(readmeExample());
  });
});
