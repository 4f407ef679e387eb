import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';
import { loadNativeBackend } from './index.js';

const BEGIN = '// README example begins';
const END = '// README example ends';

/** The first ```ts block of README.md, without its import lines. */
function readmeExample(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  return (/```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '').replace(/^import .*\n/gm, '').trim();
}

/** The lines of this file between the markers (the last of each: the constants hold them too), dedented. */
function testedExample(): string {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const body = source.slice(source.lastIndexOf(BEGIN) + BEGIN.length, source.lastIndexOf(END));
  return body.replace(/^ {4}/gm, '').trim();
}

describe('README', () => {
  it('runs its example and prints what it says', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const before = tf.memory().numTensors;
    // README example begins
    // Importing registers 'native' when the addon loads; the status says why when it does not.
    const status = await loadNativeBackend();
    console.log(status.ok ? `native (${status.isa}, ${status.threads} threads)` : `no native backend: ${status.reason}`);
    if (status.ok) await tf.setBackend('native');
    const y = tf.tidy(() => tf.matMul(tf.ones([2, 3]), tf.ones([2, 3]), false, true)); // tidy frees the ones
    console.log(Array.from(y.dataSync())); // [ 3, 3, 3, 3 ]
    y.dispose();
    // README example ends
    expect(log.mock.calls[0]![0]).toMatch(/^native \((generic|avx2|avx512), \d+ threads\)$/);
    expect(log.mock.calls[1]![0]).toEqual([3, 3, 3, 3]);
    expect(tf.memory().numTensors).toBe(before);
    log.mockRestore();
  });

  it('shows the example this test runs', () => {
    expect(readmeExample()).toBe(testedExample());
  });
});
