import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { KNNImputer, medianFilter, Pipeline, parseCsv, StandardScaler, tableToRows } from './index.js';

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
    // Denoise a 1-D signal: scipy.ndimage.median_filter(x, size=3), reflect mode.
    const signal = tf.tensor1d([0, 9, 1, 2, 2]);
    const clean = medianFilter(signal, { size: 3 });
    console.log(Array.from(clean.dataSync())); // [0, 1, 2, 2, 2]
    tf.dispose([signal, clean]);

    // Fill gaps from the 2 nearest rows, then standardize; keep the fitted pipeline as JSON.
    const table = parseCsv('a,b,c\n1,2,NA\n3,4,3\n,6,5\n8,8,7\n');
    const rows = tableToRows(table);
    const pipeline = new Pipeline([['impute', new KNNImputer({ nNeighbors: 2 })], ['scale', new StandardScaler()]]);
    console.log(pipeline.fitTransform(rows)[2]?.map((v) => v.toFixed(3))); // [ '0.428', '0.447', '0.169' ], as scikit-learn
    const saved = JSON.stringify(pipeline);
    console.log(Pipeline.fromJSON(JSON.parse(saved)).steps.map(([name]) => name)); // [ 'impute', 'scale' ]
    // README example ends
    expect(log.mock.calls).toEqual([[[0, 1, 2, 2, 2]], [['0.428', '0.447', '0.169']], [['impute', 'scale']]]);
    expect(tf.memory().numTensors).toBe(before);
    log.mockRestore();
  });

  it('shows exactly the example tested here', () => {
    expect(testedExample()).toBe(readmeExample());
  });
});
