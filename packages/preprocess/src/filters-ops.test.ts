// The tfjs-ops path of the separable filters (conv2d after a gather/concat or pad), which every
// backend but cpu takes, checked on wasm against the same scipy fixtures.
import { leaked } from '@lab/testing';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixture from './fixtures/filters.json' with { type: 'json' };
import { gaussianFilter } from './gaussian-filter.js';
import { meanFilter } from './mean-filter.js';
import { describeMismatch, firstMismatch } from './test/close.js';

const inputs = fixture.inputs as Record<string, { shape: number[]; values: number[] }>;

describe('meanFilter and gaussianFilter on tfjs ops (wasm backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('match scipy.ndimage in every fixture case', () => {
    expect(tf.getBackend()).toBe('wasm');
    const cases = fixture.cases.filter((c) => c.filter !== 'median');
    expect(cases.length).toBeGreaterThan(200);
    for (const c of cases) {
      const x = inputs[c.input]!;
      const tensor = tf.tensor(x.values, x.shape, 'float32');
      const y = c.filter === 'mean' ? meanFilter(tensor, c.options as object) : gaussianFilter(tensor, c.options as object);
      const actual = y.dataSync();
      const index = firstMismatch(actual, c.expected, 1e-5, c.input.startsWith('signed') ? 1e-6 : 0);
      expect(index, `${c.filter} ${c.input} ${JSON.stringify(c.options)} ${describeMismatch(actual, c.expected, index)}`).toBe(-1);
      tf.dispose([tensor, y]);
    }
  });

  it('leak no tensors', () => {
    const images = tf.randomUniform([2, 6, 6, 3]);
    expect(leaked(() => meanFilter(images, { size: [4, 1], mode: 'mirror' }))).toBe(0);
    expect(leaked(() => gaussianFilter(images, { sigma: 2, mode: 'constant', cval: 1 }))).toBe(0);
    images.dispose();
  });
});
