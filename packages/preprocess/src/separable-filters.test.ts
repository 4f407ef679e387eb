// The host passes of meanFilter and gaussianFilter (cpu backend, typed arrays) against scipy's
// fixture bit for bit, and against the tfjs-ops path (the line-filter contracts' gather + conv2d
// reference, what device backends run) on random shapes, sizes and modes.
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_MODES } from './boundary-mode.js';
import { filterAxisKernel, filtersOnHost } from './correlate-axis.js';
import fixture from './fixtures/filters.json' with { type: 'json' };
import { gaussianFilter, gaussianKernel } from './gaussian-filter.js';
import { meanFilter } from './mean-filter.js';
import { describeMismatch, firstMismatch } from './test/close.js';

const inputs = fixture.inputs as Record<string, { shape: number[]; values: number[] }>;

/** The tfjs-ops filter: one filterAxisKernel per spatial axis of an NHWC tensor. */
function opsFilter(x: tf.Tensor4D, kernels: (readonly number[] | undefined)[], mode: (typeof BOUNDARY_MODES)[number], cval: number): Float32Array {
  return tf.tidy(() => {
    let y = x;
    for (const axis of [1, 2] as const) {
      const kernel = kernels[axis - 1];
      if (kernel) y = filterAxisKernel(y, kernel, axis, mode, cval);
    }
    return y.dataSync() as Float32Array;
  });
}

describe('meanFilter and gaussianFilter on the host', () => {
  it('run on the host on the cpu backend', () => {
    expect(tf.getBackend()).toBe('cpu');
    expect(filtersOnHost()).toBe(true);
  });

  it('equal scipy.ndimage float32 results exactly in every fixture case', () => {
    const cases = fixture.cases.filter((c) => c.filter !== 'median');
    expect(cases.length).toBeGreaterThan(200);
    for (const c of cases) {
      const x = inputs[c.input]!;
      const tensor = tf.tensor(x.values, x.shape, 'float32');
      const y = c.filter === 'mean' ? meanFilter(tensor, c.options as object) : gaussianFilter(tensor, c.options as object);
      const actual = y.dataSync();
      const index = firstMismatch(actual, Float32Array.from(c.expected), 0);
      expect(index, `${c.filter} ${c.input} ${JSON.stringify(c.options)} ${describeMismatch(actual, c.expected, index)}`).toBe(-1);
      tf.dispose([tensor, y]);
    }
  });

  it('agree with the tfjs-ops path on random shapes, sizes, sigmas and modes', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 3 })),
        fc.constantFrom(...BOUNDARY_MODES),
        fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })),
        fc.tuple(fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true })),
        fc.integer({ min: 0, max: 1000 }),
        (shape, mode, sizes, sigmas, seed) => {
          const cval = 0.25;
          const x = tf.randomUniform(shape, -1, 1, 'float32', seed) as tf.Tensor4D;
          const mean = meanFilter(x, { size: sizes, mode, cval });
          const gauss = gaussianFilter(x, { sigma: sigmas, mode, cval });
          const meanOps = opsFilter(x, sizes.map((s) => (s > 1 ? Array<number>(s).fill(1 / s) : undefined)), mode, cval);
          const gaussOps = opsFilter(x, sigmas.map((s) => (s > 1e-15 ? gaussianKernel(s) : undefined)), mode, cval);
          const ok = firstMismatch(mean.dataSync(), meanOps, 1e-5, 1e-6) === -1 && firstMismatch(gauss.dataSync(), gaussOps, 1e-5, 1e-6) === -1;
          tf.dispose([x, mean, gauss]);
          return ok;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('do not write into the input tensor', () => {
    const x = tf.tensor2d([[0, 1, 0], [1, 8, 1]]);
    const y = meanFilter(x);
    const z = gaussianFilter(x);
    expect(Array.from(x.dataSync())).toEqual([0, 1, 0, 1, 8, 1]);
    tf.dispose([x, y, z]);
  });
});
