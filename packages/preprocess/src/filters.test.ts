import { leaked } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_MODES } from './boundary-mode.js';
import fixture from './fixtures/filters.json' with { type: 'json' };
import { gaussianFilter } from './gaussian-filter.js';
import { meanFilter } from './mean-filter.js';
import { medianFilter } from './median-filter.js';
import { describeMismatch, firstMismatch } from './test/close.js';

const filters = { mean: meanFilter, median: medianFilter, gaussian: gaussianFilter } as const;
type FilterName = keyof typeof filters;
const inputs = fixture.inputs as Record<string, { shape: number[]; values: number[] }>;

describe.each(['mean', 'gaussian', 'median'] as const)('%sFilter against scipy.ndimage', (name: FilterName) => {
  const cases = fixture.cases.filter((c) => c.filter === name);
  it.each(cases.map((c) => [c.input, JSON.stringify(c.options), c] as const))('%s %s', (input, _options, c) => {
    const x = inputs[input]!;
    const tensor = tf.tensor(x.values, x.shape, 'float32');
    const filter = filters[name] as (x: tf.Tensor, options: object) => tf.Tensor;
    const y = filter(tensor, c.options);
    expect(y.shape).toEqual(x.shape);
    const actual = y.dataSync();
    // Median values are input values, exactly; mean and Gaussian to 1e-5 relative (+1e-6 absolute
    // for the signed input, whose sums may cancel to about 0).
    const index = name === 'median' ? firstMismatch(actual, c.expected, 0) : firstMismatch(actual, c.expected, 1e-5, input.startsWith('signed') ? 1e-6 : 0);
    expect(index, describeMismatch(actual, c.expected, index)).toBe(-1);
    tf.dispose([tensor, y]);
  });
});

describe('filters', () => {
  it('give back a constant image, whatever the mode and size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.float({ min: -1000, max: 1000, noNaN: true }),
        fc.constantFrom(...BOUNDARY_MODES.filter((m) => m !== 'constant')),
        fc.integer({ min: 1, max: 7 }),
        fc.float({ min: 0, max: 3, noNaN: true }),
        (h, w, value, mode, size, sigma) => {
          const image = tf.fill([2, h, w], Math.fround(value));
          const results = [meanFilter(image, { size, mode }), medianFilter(image, { size, mode }), gaussianFilter(image, { sigma, mode })];
          const expected = Math.fround(value);
          const ok = results.every((r) => firstMismatch(r.dataSync(), Array(r.size).fill(expected), 1e-5, 1e-6) === -1);
          tf.dispose([image, ...results]);
          return ok;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('filter channels separately and leave batch items alone', () => {
    const a = tf.randomUniform([3, 5, 4], 0, 1, 'float32', 1);
    const b = tf.randomUniform([3, 5, 4], 0, 1, 'float32', 2);
    const stacked = tf.stack([a, b], 3);
    for (const filter of [meanFilter, medianFilter, gaussianFilter]) {
      const whole = filter(stacked);
      const parts = tf.unstack(whole, 3);
      const first = filter(a);
      const item = filter(tf.slice(a, [1, 0, 0], [1, 5, 4]));
      expect(firstMismatch(parts[0]!.dataSync(), first.dataSync(), 1e-6)).toBe(-1);
      expect(firstMismatch(item.dataSync(), tf.slice(first, [1, 0, 0], [1, 5, 4]).dataSync(), 1e-6)).toBe(-1);
      tf.dispose([whole, ...parts, first, item]);
    }
    tf.dispose([a, b, stacked]);
  });

  it('take integer tensors and return float32', () => {
    const ints = tf.tensor1d([0, 3, 6], 'int32');
    for (const y of [meanFilter(ints), medianFilter(ints), gaussianFilter(ints, { sigma: 0 })]) {
      expect(y.dtype).toBe('float32');
      y.dispose();
    }
    const mean = meanFilter(ints);
    expect(Array.from(mean.dataSync())).toEqual([1, 3, 5]);
    tf.dispose([ints, mean]);
  });

  it('name the option or shape at fault', () => {
    const image = tf.zeros([4, 4]);
    const volume = tf.zeros([1, 2, 2, 2, 1]);
    const text = tf.tensor1d(['a']);
    expect(() => meanFilter(image, { size: 0 })).toThrow('meanFilter: size must be integers >= 1, one number or 2 (one per spatial axis of shape [4, 4]), got 0');
    expect(() => medianFilter(image, { size: [3, 3, 3] })).toThrow('medianFilter: size must be integers >= 1');
    expect(() => gaussianFilter(image, { sigma: -1 })).toThrow('gaussianFilter: sigma must be finite numbers >= 0');
    expect(() => gaussianFilter(image, { truncate: 0 })).toThrow('gaussianFilter: truncate must be a finite number > 0, got 0');
    // @ts-expect-error: a mode scipy does not have
    expect(() => meanFilter(image, { mode: 'edge' })).toThrow('meanFilter: mode must be one of reflect, mirror, nearest, constant, wrap, got edge');
    expect(() => meanFilter(volume)).toThrow('meanFilter: x must be [L], [H, W], [N, H, W] or [N, H, W, C], got shape [1, 2, 2, 2, 1]');
    expect(() => medianFilter(text)).toThrow('medianFilter: x must be a numeric tensor, got dtype string');
    tf.dispose([image, volume, text]);
  });

  it('leak no tensors', () => {
    const images = tf.randomUniform([2, 6, 6, 3]);
    expect(leaked(() => meanFilter(images, { size: 4, mode: 'constant', cval: 2 }))).toBe(0);
    expect(leaked(() => gaussianFilter(images, { sigma: [1, 2], mode: 'wrap' }))).toBe(0);
    expect(leaked(() => medianFilter(images, { size: [7, 5] }))).toBe(0);
    images.dispose();
  });
});

describe('filter sizes nobody means are refused before anything is allocated', () => {
  it('names the option, the size asked for and the limit, and leaves no tensor behind', async () => {
    const x = tf.zeros([2, 8, 8]);
    const before = tf.memory().numTensors;
    const started = performance.now();
    expect(() => meanFilter(x, { size: 1_000_000 })).toThrow('meanFilter: size 1000000 is a window of 1000000 values, above the limit of 4097 values per axis');
    expect(() => medianFilter(x, { size: [3, 100_000] })).toThrow('medianFilter: size 100000 is a window of 100000 values, above the limit of 4097 values per axis');
    expect(() => medianFilter(x, { size: 300 })).toThrow('medianFilter: size 300×300 is a window of 90000 values, above the limit of 65536');
    expect(() => gaussianFilter(x, { sigma: 1e9 })).toThrow('gaussianFilter: sigma 1000000000 with truncate 4 is a kernel of 8000000001 values, above the limit of 4097 values per axis');
    expect(() => gaussianFilter(x, { sigma: 1, truncate: 1e6 })).toThrow('gaussianFilter: sigma 1 with truncate 1000000 is a kernel of 2000001 values');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(tf.memory().numTensors).toBe(before);
    // The longest window allowed still runs.
    const row = tf.ones([1, 16]);
    const mean = meanFilter(row, { size: [1, 4097] });
    expect(Array.from(await mean.data())).toEqual(Array(16).fill(1));
    tf.dispose([x, row, mean]);
  });
});
