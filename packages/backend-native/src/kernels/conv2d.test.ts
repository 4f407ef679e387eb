// The native convolutions (the addon's im2col + packed GEMM, in blocks of rows across threads)
// against tfjs-cpu's kernels, the reference every backend agrees with: forward, fused bias +
// relu/linear, and both gradients through tf.grads of tf.conv2d / tf.fused.conv2d, on seeded
// random inputs of many shapes (batch 1, odd sizes, 1 × 1 filters, strides, dilations, 'valid',
// 'same', numeric and explicit padding, rounding modes), at every instruction set the CPU has
// and on 1 and 2 threads; the kernels called directly too (runKernel), and what falls back.
import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { NativeIsa } from '../addon.js';
import { nativeInfo, setNativeIsa, setNativeThreads } from '../load-native-backend.js';
import { randomArray } from '../test/reference.js';

const detected = nativeInfo().detectedIsa;
const initialThreads = nativeInfo().threads;
const isas = (['generic', 'avx2', 'avx512'] as NativeIsa[]).filter((isa) => setNativeIsa(isa));
setNativeIsa(detected);

interface Case {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dilations: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

const CASES: Case[] = [
  { x: [2, 7, 6, 3], filter: [3, 3, 3, 4], strides: 1, pad: 'valid', dilations: 1 },
  { x: [1, 5, 5, 1], filter: [3, 3, 1, 2], strides: 1, pad: 'same', dilations: 1 },
  { x: [3, 9, 8, 2], filter: [2, 3, 2, 5], strides: [2, 1], pad: 'valid', dilations: 1 },
  { x: [2, 8, 7, 3], filter: [3, 2, 3, 3], strides: 2, pad: 'same', dilations: 1 },
  { x: [1, 9, 9, 2], filter: [3, 3, 2, 3], strides: 1, pad: 'valid', dilations: 2 },
  { x: [2, 8, 9, 1], filter: [3, 2, 1, 2], strides: 1, pad: 'same', dilations: [2, 1] },
  { x: [2, 6, 6, 4], filter: [1, 1, 4, 3], strides: 1, pad: 'valid', dilations: 1 },
  { x: [2, 7, 7, 2], filter: [1, 1, 2, 3], strides: 2, pad: 'valid', dilations: 1 },
  { x: [1, 6, 5, 2], filter: [4, 4, 2, 2], strides: 3, pad: 'same', dilations: 1 },
  { x: [2, 6, 6, 2], filter: [3, 3, 2, 2], strides: 1, pad: 1, dilations: 1 },
  { x: [1, 7, 6, 3], filter: [3, 3, 3, 5], strides: 2, pad: 1, dilations: 1, dimRoundingMode: 'ceil' },
  { x: [2, 5, 7, 2], filter: [2, 3, 2, 3], strides: [1, 2], pad: [[0, 0], [1, 2], [2, 0], [0, 0]], dilations: 1 },
  { x: [1, 1, 1, 3], filter: [1, 1, 3, 2], strides: 1, pad: 'valid', dilations: 1 },
  { x: [1, 3, 3, 1], filter: [3, 3, 1, 1], strides: 1, pad: 'same', dilations: 1 },
  { x: [5, 11, 9, 7], filter: [3, 3, 7, 17], strides: 1, pad: 'same', dilations: 1 },
  { x: [6, 28, 28, 1], filter: [3, 3, 1, 32], strides: 1, pad: 'valid', dilations: 1 },
  { x: [3, 13, 13, 32], filter: [3, 3, 32, 64], strides: 1, pad: 'valid', dilations: 1 },
];

const name = (c: Case) =>
  `x [${c.x}] filter [${c.filter}] strides ${c.strides} pad ${JSON.stringify(c.pad)} dilations ${c.dilations}${c.dimRoundingMode ? ` ${c.dimRoundingMode}` : ''}`;

/** Forward, fused forward and all gradients on `backend`, read back. */
function run(backend: string, c: Case, seed: number): Float32Array[] {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(randomArray(c.x.reduce((a, b) => a * b, 1), seed), c.x);
    const filter = tf.tensor4d(randomArray(c.filter.reduce((a, b) => a * b, 1), seed + 1), c.filter);
    const bias = tf.tensor1d(randomArray(c.filter[3], seed + 2));
    const { strides, pad, dilations, dimRoundingMode } = c;
    const conv = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, strides, pad as 'same', 'NHWC', dilations, dimRoundingMode);
    const y = conv(x, filter);
    const dy = tf.tensor(randomArray(y.size, seed + 3), y.shape);
    const plain = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(conv(a, b), dy)));
    const fused = (a: tf.Tensor, b: tf.Tensor, bb: tf.Tensor | undefined, activation: 'relu' | 'linear') =>
      tf.fused.conv2d({ x: a as tf.Tensor4D, filter: b as tf.Tensor4D, strides, pad: pad as 'same', dilations, dimRoundingMode, bias: bb, activation });
    const outputs: tf.Tensor[] = [y, fused(x, filter, bias, 'relu'), fused(x, filter, undefined, 'linear'), fused(x, filter, bias, 'linear')];
    // tfjs defines no gradient for dilated convolutions (lab's Conv2D layer dilates the kernel
    // instead): the forward pass only there.
    if (c.dilations === 1) {
      outputs.push(...plain([x, filter]), ...tf.grads((a: tf.Tensor, b: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(fused(a, b, bb, 'relu'), dy)))([x, filter, bias]));
    }
    return outputs.map((t) => t.dataSync() as Float32Array);
  });
}

const WHAT = ['output', 'fused relu output', 'fused linear output, no bias', 'fused linear output', 'dx', 'dFilter', 'fused dx', 'fused dFilter', 'fused dBias'];

afterAll(() => {
  setNativeIsa(detected);
  setNativeThreads(initialThreads);
  tf.setBackend('native');
});

describe.each(isas)('native Conv2D, FusedConv2D, Conv2DBackpropFilter, Conv2DBackpropInput (%s)', (isa) => {
  it.each(CASES.map((c, i) => [name(c), c, i] as const))('match tfjs-cpu: %s', (_, c, i) => {
    const want = run('cpu', c, 10 * i);
    for (const threads of [1, 2]) {
      setNativeIsa(isa);
      setNativeThreads(threads);
      expectNoLeak(() => {
        const got = run('native', c, 10 * i);
        expect(got.length).toBe(want.length);
        for (const [j, g] of got.entries()) expectAllClose(g, want[j]!, { abs: 1e-4, rel: 1e-4, message: `${WHAT[j]}, ${threads} thread(s)` });
      });
    }
    setNativeIsa(detected);
    setNativeThreads(initialThreads);
  });
});

describe('native convolutions', () => {
  it('agree across instruction sets on the convnet layer shapes, to float32 rounding', () => {
    const c: Case = { x: [4, 13, 13, 32], filter: [3, 3, 32, 64], strides: 1, pad: 'valid', dilations: 1 };
    const results = isas.map((isa) => {
      setNativeIsa(isa);
      return run('native', c, 77);
    });
    setNativeIsa(detected);
    for (const other of results.slice(1)) {
      for (const [j, g] of other.entries()) expectAllClose(g, results[0]![j]!, { abs: 1e-4, rel: 1e-5, message: WHAT[j] });
    }
  });

  it('run the kernels by their tfjs names with the attrs tfjs passes', () => {
    const x = tf.tensor4d(randomArray(2 * 6 * 5 * 3, 5), [2, 6, 5, 3]);
    const filter = tf.tensor4d(randomArray(2 * 2 * 3 * 4, 6), [2, 2, 3, 4]);
    const dy = tf.tensor4d(randomArray(2 * 3 * 3 * 4, 7), [2, 3, 3, 4]);
    const attrs = { strides: [2, 2], pad: 'same', dataFormat: 'NHWC' } as const;
    const on = (backend: string) => {
      tf.setBackend(backend);
      const e = tf.engine();
      const outs = [
        e.runKernel(tf.Conv2DBackpropFilter, { x, dy }, { ...attrs, filterShape: [2, 2, 3, 4] }),
        e.runKernel(tf.Conv2DBackpropInput, { dy, filter }, { ...attrs, inputShape: [2, 6, 5, 3] }),
      ] as tf.Tensor[];
      const values = outs.map((t) => t.dataSync() as Float32Array);
      tf.dispose(outs);
      return values;
    };
    const want = on('cpu');
    expectNoLeak(() => {
      const got = on('native');
      expectAllClose(got[0]!, want[0]!, { abs: 1e-5, rel: 1e-5, message: 'dFilter' });
      expectAllClose(got[1]!, want[1]!, { abs: 1e-5, rel: 1e-5, message: 'dx' });
    });
    tf.setBackend('native');
    tf.dispose([x, filter, dy]);
  });

  it('hand NCHW, other activations and PReLU to the cpu kernels (same results)', () => {
    const x = tf.tensor4d(randomArray(1 * 5 * 5 * 2, 1), [1, 5, 5, 2]);
    const filter = tf.tensor4d(randomArray(3 * 3 * 2 * 3, 2), [3, 3, 2, 3]);
    const on = (backend: string) => {
      tf.setBackend(backend);
      return tf.tidy(() =>
        [
          tf.conv2d(tf.transpose(x, [0, 3, 1, 2]), filter, 1, 'valid', 'NCHW') as tf.Tensor,
          tf.fused.conv2d({ x, filter, strides: 1, pad: 'same', bias: tf.ones([3]), activation: 'elu' }),
          tf.fused.conv2d({ x, filter, strides: 1, pad: 'same', activation: 'prelu', preluActivationWeights: tf.fill([3], 0.2) }),
          tf.fused.conv2d({ x, filter, strides: 1, pad: 'same', bias: tf.ones([5, 5, 3]), activation: 'relu' }),
        ].map((t) => [t.dtype, Array.from(t.dataSync())] as const),
      );
    };
    const want = on('cpu');
    const got = on('native');
    tf.setBackend('native');
    for (const [j, [dtype, values]] of got.entries()) {
      expect(dtype).toBe(want[j]![0]);
      expectAllClose(Float32Array.from(values), Float32Array.from(want[j]![1]), { abs: 1e-5, rel: 1e-5, message: `case ${j}` });
    }
    tf.dispose([x, filter]);
  });

  it('give empty batches their shapes', () => {
    const y = tf.conv2d(tf.zeros([0, 5, 5, 2]) as tf.Tensor4D, tf.ones([3, 3, 2, 4]) as tf.Tensor4D, 1, 'same');
    expect(y.shape).toEqual([0, 5, 5, 4]);
    y.dispose();
  });

  it('runs on native, not through the cpu fallback', () => {
    for (const name of [tf.Conv2D, tf.FusedConv2D, tf.Conv2DBackpropFilter, tf.Conv2DBackpropInput]) {
      expect(tf.getKernel(name, 'native')?.kernelFunc, name).not.toBe(tf.getKernel(name, 'cpu')?.kernelFunc);
    }
  });
});
