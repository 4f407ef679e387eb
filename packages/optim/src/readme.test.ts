import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { adam, applyUpdates, exponentialDecay } from './index.js';

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
    // Minimise sum((x - 3)^2), whose gradient is 2 (x - 3), with Adam and a decaying step size.
    const variables = { x: tf.tidy(() => tf.variable(tf.tensor1d([0, 10]))) }; // tidy frees the initial tensor
    const learningRate = exponentialDecay({ initialValue: 0.5, transitionSteps: 100, decayRate: 0.5 });
    const tx = adam({ learningRate });
    let state = tx.init(variables);
    for (let step = 0; step < 1000; step++) {
      const grads = tf.tidy(() => ({ x: tf.mul(2, tf.sub(variables.x, 3)) }));
      const result = tx.update(grads, state, variables);
      applyUpdates(variables, result.updates); // x += update, in place
      tf.dispose([result.updates, state, grads]); // yours to dispose, as is the new state
      state = result.state;
    }
    console.log(Array.from(variables.x.dataSync(), (v) => v.toFixed(4))); // [ '3.0000', '3.0000' ]
    tf.dispose([state, variables.x]);
    // README example ends
    expect(log.mock.calls).toEqual([[['3.0000', '3.0000']]]);
    expect(tf.memory().numTensors).toBe(before);
    log.mockRestore();
  });

  it('shows exactly the example tested here', () => {
    expect(testedExample()).toBe(readmeExample());
  });
});
