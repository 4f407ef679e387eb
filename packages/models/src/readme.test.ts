import { readFileSync } from 'node:fs';
import { adam } from '@lab/optim';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { Dense, Flatten, Sequential } from './index.js';

/** The README's example without its import lines, and the copy below between the markers. */
function examples(): [string, string] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = (/```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '').replace(/^import .*\n/gm, '').trim();
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const begin = '    // README example begins\n';
  const body = source.slice(source.indexOf(begin) + begin.length, source.indexOf('    // README example ends\n'));
  return [block, body.replace(/^ {4}/gm, '').trim()];
}

describe('README', () => {
  it('runs its example, which is the README text verbatim', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const before = tf.memory().numTensors;
    // README example begins
    // Two classes of 2x2 "images": bright on the left column, or bright on the right.
    const x = tf.tensor4d([1, 0, 1, 0, 0, 1, 0, 1, 0.9, 0.1, 0.8, 0, 0, 0.9, 0.1, 1], [4, 2, 2, 1]);
    const y = tf.tensor2d([[1, 0], [0, 1], [1, 0], [0, 1]]);
    const model = new Sequential([
      new Flatten({ inputShape: [2, 2, 1] }),
      new Dense({ units: 8, activation: 'relu' }),
      new Dense({ units: 2, activation: 'softmax' }),
    ], { seed: 42 });
    model.compile({ optimizer: adam({ learningRate: 0.05 }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(x, y, { epochs: 50, batchSize: 2, seed: 1 });
    console.log(history.history.loss.length); // 50
    console.log(await model.evaluate(x, y)); // { loss: 0.0…, accuracy: 1 }
    const probabilities = model.predict(x); // a [4, 2] tensor that you dispose
    probabilities.dispose();
    model.dispose();
    tf.dispose([x, y]);
    // README example ends
    const [readme, tested] = examples();
    expect(tested).toBe(readme);
    expect(log.mock.calls[0]).toEqual([50]);
    const result = log.mock.calls[1]![0] as { loss: number; accuracy: number };
    expect(result.accuracy).toBe(1);
    expect(result.loss).toBeLessThan(0.1);
    expect(tf.memory().numTensors).toBe(before);
    log.mockRestore();
  });
});
