import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { scalePixels, toCategorical } from './index.js';

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
  it('runs its example and prints what it says', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const before = tf.memory().numTensors;
    // README example begins
    // Two 2×2 grey images as raw bytes, as an IDX file stores them, to float32 in [0, 1].
    const bytes = new Uint8Array([0, 51, 102, 255, 255, 204, 153, 0]);
    const images = scalePixels(bytes, { shape: [2, 2, 2] });
    console.log(images.shape, Array.from(images.dataSync(), (v) => v.toFixed(1)).join(' '));
    // [2, 2, 2] '0.0 0.2 0.4 1.0 1.0 0.8 0.6 0.0'

    // Their labels, one-hot for categorical cross-entropy.
    const labels = toCategorical([3, 0], 10);
    console.log(labels.arraySync()[0]); // [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]
    tf.dispose([images, labels]);
    // README example ends
    expect(log.mock.calls).toEqual([
      [[2, 2, 2], '0.0 0.2 0.4 1.0 1.0 0.8 0.6 0.0'],
      [[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]],
    ]);
    expect(tf.memory().numTensors).toBe(before);
    log.mockRestore();
  });

  it('shows exactly the example tested here', () => {
    expect(testedExample()).toBe(readmeExample());
  });
});
