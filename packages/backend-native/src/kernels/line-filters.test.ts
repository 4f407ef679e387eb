// The native LabCorrelate1D and LabUniform1D against scipy.ndimage's arithmetic written out in
// float64 JavaScript (the line extended, then the centre tap and the symmetric pairs from the
// outermost in for an odd symmetric kernel, the differences for an antisymmetric one, the taps
// from the last for any other; for the mean a running sum divided by the size), rounded once to
// float32: the addon must give the same bits at every instruction set the CPU has and on 1 and 2
// threads. Also against the contracts' tfjs-ops reference on cpu (float32, so to a tolerance),
// and the addon's checks of its arguments.
import { correlate1d, runKernel, uniform1d } from '@lab/core';
import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAddon, type NativeIsa } from '../addon.js';
import { nativeInfo, setNativeIsa, setNativeThreads } from '../load-native-backend.js';
import { randomArray } from '../test/reference.js';

const detected = nativeInfo().detectedIsa;
const initialThreads = nativeInfo().threads;
const isas = (['generic', 'avx2', 'avx512'] as NativeIsa[]).filter((isa) => setNativeIsa(isa));
setNativeIsa(detected);
afterAll(() => {
  setNativeIsa(detected);
  setNativeThreads(initialThreads);
  tf.setBackend('native');
});

/** Reflect-mode indices (scipy's `reflect`) for a window of `taps`, and −1 (cval) past the right edge when `constantRight`. */
function indices(length: number, taps: number, constantRight: boolean): number[] {
  const before = Math.floor(taps / 2);
  return Array.from({ length: length + taps - 1 }, (_, e) => {
    let i = e - before;
    if (i >= length && constantRight) return -1;
    const period = 2 * length;
    i = ((i % period) + period) % period;
    return i < length ? i : period - 1 - i;
  });
}

/** scipy's correlate1d (or uniform_filter1d when `size` is given) along the middle axis, in float64, rounded once. */
function scipyLines(x: Float32Array, [outer, length, inner]: [number, number, number], at: number[], cval: number, weights: number[] | undefined, size?: number): Float32Array {
  const out = new Float32Array(x.length);
  const k = weights ? weights.length : size!;
  const half = Math.floor(k / 2);
  const symmetry = (() => {
    if (!weights || k % 2 === 0) return 0;
    let sym = true;
    for (let i = 1; i <= half && sym; i++) sym = Math.abs(weights[half + i]! - weights[half - i]!) <= Number.EPSILON;
    if (sym) return 1;
    for (let i = 1; i <= half; i++) if (Math.abs(weights[half + i]! + weights[half - i]!) > Number.EPSILON) return 0;
    return -1;
  })();
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const ext = at.map((i) => (i < 0 ? cval : x[(o * length + i) * inner + j]!));
      let sum = 0;
      for (let p = 0; p < length; p++) {
        let v: number;
        if (!weights) {
          if (p === 0) for (let t = 0; t < k; t++) sum += ext[t]!;
          else sum += ext[p + k - 1]! - ext[p - 1]!;
          v = sum / k;
        } else if (symmetry !== 0) {
          const c = p + half;
          v = ext[c]! * weights[half]!;
          for (let t = -half; t < 0; t++) v += (symmetry > 0 ? ext[c + t]! + ext[c - t]! : ext[c + t]! - ext[c - t]!) * weights[half + t]!;
        } else {
          const c = p + half;
          const size2 = k - half - 1;
          v = ext[c + size2]! * weights[k - 1]!;
          for (let t = -half; t < size2; t++) v += ext[c + t]! * weights[half + t]!;
        }
        out[(o * length + p) * inner + j] = v;
      }
    }
  }
  return out;
}

const gaussian = (sigma: number, radius: number) => {
  const w = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-0.5 * ((i - radius) / sigma) ** 2));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / total);
};

const cases: { shape: [number, number, number]; weights?: number[]; size?: number; constantRight: boolean }[] = [
  { shape: [70, 28, 28], weights: gaussian(1, 4), constantRight: false },
  { shape: [1960, 28, 1], weights: gaussian(1, 4), constantRight: false },
  { shape: [3, 9, 5], weights: gaussian(2, 6), constantRight: true },
  { shape: [40, 7, 3], weights: [0.5, 0, -0.5], constantRight: false },
  { shape: [40, 6, 1], weights: [0.1, 0.7, -0.3, 0.2], constantRight: true },
  { shape: [70, 28, 28], size: 3, constantRight: false },
  { shape: [2000, 28, 1], size: 3, constantRight: true },
  { shape: [5, 4, 33], size: 6, constantRight: false },
  { shape: [2, 1, 2], size: 5, constantRight: true },
];

describe('native LabCorrelate1D and LabUniform1D', () => {
  it("equal scipy's float64 arithmetic bit for bit, at every instruction set and thread count", () => {
    tf.setBackend('native');
    for (const c of cases) {
      const x = randomArray(c.shape.reduce((a, b) => a * b, 1), 7);
      const at = indices(c.shape[1]!, c.weights?.length ?? c.size!, c.constantRight);
      const want = scipyLines(x, c.shape, at, 0.25, c.weights, c.size);
      for (const isa of isas) {
        setNativeIsa(isa);
        for (const threads of [1, 2]) {
          setNativeThreads(threads);
          const input = tf.tensor(x, c.shape, 'float32');
          expectNoLeak(() => {
            const [out] = c.weights
              ? runKernel(correlate1d, { x: input }, { weights: c.weights, indices: at, cval: 0.25 })
              : runKernel(uniform1d, { x: input }, { size: c.size!, indices: at, cval: 0.25 });
            const got = out!.dataSync();
            out!.dispose();
            const bad = got.findIndex((v, i) => !Object.is(v, want[i]));
            expect(bad, `${JSON.stringify(c.shape)} ${isa} ${threads} threads at ${bad}: ${got[bad]} vs ${want[bad]}`).toBe(-1);
          });
          input.dispose();
        }
      }
    }
  });

  it("agree with the contracts' tfjs-ops reference on cpu", () => {
    const x = randomArray(3 * 9 * 4, 11);
    const at = indices(9, 5, true);
    const weights = gaussian(1.3, 2);
    const run = (backend: string, f: (t: tf.Tensor) => tf.Tensor[]) => {
      tf.setBackend(backend);
      return tf.tidy(() => Array.from(f(tf.tensor(x, [3, 9, 4], 'float32'))[0]!.dataSync()));
    };
    for (const [name, f] of [
      ['correlate', (t: tf.Tensor) => (backendHas() ? runKernel(correlate1d, { x: t }, { weights, indices: at, cval: -1 }) : correlate1d.reference({ x: t }, { weights, indices: at, cval: -1 }))],
      ['uniform', (t: tf.Tensor) => (backendHas() ? runKernel(uniform1d, { x: t }, { size: 5, indices: at, cval: -1 }) : uniform1d.reference({ x: t }, { size: 5, indices: at, cval: -1 }))],
    ] as const) {
      const native = run('native', f);
      const reference = run('cpu', f);
      for (const [i, v] of native.entries()) expect(Math.abs(v - reference[i]!), `${name} ${i}`).toBeLessThan(1e-5);
    }
    tf.setBackend('native');
  });

  it('reject indices, weights and shapes that do not fit, naming them', () => {
    const loaded = loadAddon();
    if (!('addon' in loaded)) throw new Error(loaded.reason);
    const { addon } = loaded;
    const x = new Float32Array(6);
    const sizes = { outer: 2, length: 3, inner: 1, cval: 0 };
    expect(() => addon.uniform1d(x, x, Float64Array.from([0, 0, 1, 3]), { ...sizes, size: 2 })).toThrow(/^lab_native\.uniform1d: indices\[3\] must be an integer in \[-1, 3\), got 3$/);
    expect(() => addon.uniform1d(x, x, Float64Array.from([0, 0.5, 1, 2]), { ...sizes, size: 2 })).toThrow(/indices\[1\] must be an integer/);
    expect(() => addon.uniform1d(x, x, Float64Array.from([0, 1, 2]), { ...sizes, size: 2 })).toThrow(/^lab_native\.uniform1d: indices has 3 elements, needs 4/);
    expect(() => addon.correlate1d(x, x, new Float64Array(0), Float64Array.from([0, 1, 2]), sizes)).toThrow(/^lab_native\.correlate1d: weights has 0 elements/);
    expect(() => addon.correlate1d(x, x, new Float32Array(1) as unknown as Float64Array, Float64Array.from([0, 1, 2]), sizes)).toThrow(/weights must be a Float64Array, got a Float32Array/);
    expect(() => addon.correlate1d(x, new Float32Array(5), Float64Array.from([1]), Float64Array.from([0, 1, 2]), sizes)).toThrow(/out has 5 elements, needs 6/);
    tf.setBackend('native');
    const t = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    expect(() => runKernel(uniform1d, { x: t }, { size: 1, indices: [0, 1], cval: 0 })).toThrow('LabUniform1D: x must be [outer, length, inner], got shape [2, 2]');
    t.dispose();
  });
});

function backendHas(): boolean {
  return tf.getBackend() === 'native';
}
