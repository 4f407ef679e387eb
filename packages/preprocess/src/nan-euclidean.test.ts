// The blocked NaN-aware distances KNNImputer uses, against the per-pair nanEuclidean (itself
// checked through the scikit-learn KNNImputer fixtures in imputers.test.ts): equal bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argpartition, argpartitionInto } from './argpartition.js';
import { nanEuclidean, nanEuclideanRow, nanRows } from './nan-euclidean.js';

const cell = fc.oneof(fc.constant(Number.NaN), fc.constant(0), fc.constant(-0), fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }));

function prepared(values: number[], rows: number, cols: number) {
  const x = Float64Array.from(values);
  const mask = Uint8Array.from(values, (v) => (Number.isNaN(v) ? 1 : 0));
  return { x, mask, rows: nanRows(x, mask, rows, cols) };
}

describe('nanEuclideanRow', () => {
  it('equals nanEuclidean for every pair, NaN rows and ties included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 7 }), fc.array(cell, { minLength: 72, maxLength: 72 }), (cols, a, b, cells) => {
        const x = prepared(cells.slice(0, a * cols), a, cols);
        const y = prepared(cells.slice(36, 36 + b * cols), b, cols);
        const out = new Float64Array(b);
        for (let r = 0; r < a; r++) {
          nanEuclideanRow(x.rows, r, y.rows, out);
          for (let d = 0; d < b; d++) if (!Object.is(out[d], nanEuclidean(x.x, x.mask, r, y.x, y.mask, d, cols))) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('gives NaN where no column is present on both sides', () => {
    const x = prepared([1, Number.NaN], 1, 2);
    const y = prepared([Number.NaN, 2, 4, 5], 2, 2);
    const out = new Float64Array(2);
    nanEuclideanRow(x.rows, 0, y.rows, out);
    // Row 1: only column 0 is present in both: sqrt(2 / 1 · (1 − 4)²) = sqrt(18).
    expect(Array.from(out)).toEqual([Number.NaN, Math.sqrt(18)]);
  });
});

describe('argpartitionInto', () => {
  it('equals argpartition, reusing a longer buffer', () => {
    const order = new Int32Array(40);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 40 }), fc.nat(), (values, k) => {
        const kth = k % values.length;
        return Array.from(argpartitionInto(values, kth, order)).join() === Array.from(argpartition(values, kth)).join();
      }),
      { numRuns: 300 },
    );
  });
});
