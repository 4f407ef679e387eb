import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { categoricalCrossentropy, getLoss } from './index.js';

const BEGIN = '// README example begins';
const END = '// README example ends';

/** The first ```ts block of README.md, without its import lines. */
function readmeExample(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block.replace(/^import .*\n/gm, '').trim();
}

/** The lines of this file between the markers (the last of each: the constants hold them too), dedented. */
function testedExample(): string {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const body = source.slice(source.lastIndexOf(BEGIN) + BEGIN.length, source.lastIndexOf(END));
  return body.replace(/^ {4}/gm, '').trim();
}

describe('README', () => {
  it('runs its example and prints what it says', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const before = tf.memory().numTensors;
    // README example begins
    // Two samples, one-hot targets against predicted probabilities.
    const yTrue = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
    const yPred = tf.tensor2d([[0.1, 0.8, 0.1], [0.5, 0.25, 0.25]]);

    // The mean of -ln 0.8 and -ln 0.5: a scalar tensor that you dispose.
    const loss = categoricalCrossentropy(yTrue, yPred);
    console.log(loss.dataSync()[0]); // ≈ 0.458145

    // Logits instead of probabilities, one loss per sample.
    const logits = tf.tensor2d([[1000, -1000, 0], [0, 0, 0]]);
    const perSample = categoricalCrossentropy(yTrue, logits, { fromLogits: true, reduction: 'none' });
    console.log(Array.from(perSample.dataSync())); // [2000, ≈ 1.098612] (ln 3)

    // By name, as a config or the CLI gives it.
    const mse = getLoss('mse')(yTrue, yPred);
    console.log(mse.dataSync()[0]); // ≈ 0.0725: the mean of 0.06 / 3 and 0.375 / 3
    tf.dispose([yTrue, yPred, loss, logits, perSample, mse]);
    // README example ends
    const [[mean], [losses], [squared]] = log.mock.calls as [[number], [number[]], [number]];
    expect(mean).toBeCloseTo(0.458145, 6);
    expect(losses[0]).toBe(2000);
    expect(losses[1]).toBeCloseTo(Math.log(3), 6);
    expect(squared).toBeCloseTo(0.0725, 6);
    expect(tf.memory().numTensors).toBe(before);
    log.mockRestore();
  });

  it('shows exactly the example tested here', () => {
    expect(testedExample()).toBe(readmeExample());
  });
});
