// The native convolutions (im2col + the addon's GEMM) against tfjs-cpu's kernels, the reference
// every backend agrees with: forward, fused bias + relu, and both gradients through tf.grads of
// tf.conv2d / tf.fused.conv2d, on seeded random inputs of many shapes (batch 1, odd sizes,
// strides, dilations, 'valid', 'same' and explicit padding).
import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { randomArray } from '../test/reference.js';

interface Case {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number;
  dilations: number | [number, number];
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
  { x: [6, 28, 28, 1], filter: [3, 3, 1, 32], strides: 1, pad: 'valid', dilations: 1 },
  { x: [3, 13, 13, 32], filter: [3, 3, 32, 64], strides: 1, pad: 'valid', dilations: 1 },
];

const name = (c: Case) => `x [${c.x}] filter [${c.filter}] strides ${c.strides} pad ${c.pad} dilations ${c.dilations}`;

/** Forward, fused forward and all gradients on `backend`, read back. */
function run(backend: string, c: Case, seed: number): Float32Array[] {
  tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(randomArray(c.x.reduce((a, b) => a * b, 1), seed), c.x);
    const filter = tf.tensor4d(randomArray(c.filter.reduce((a, b) => a * b, 1), seed + 1), c.filter);
    const bias = tf.tensor1d(randomArray(c.filter[3], seed + 2));
    const y = tf.conv2d(x, filter, c.strides, c.pad, 'NHWC', c.dilations);
    const dy = tf.tensor(randomArray(y.size, seed + 3), y.shape);
    const plain = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad, 'NHWC', c.dilations), dy)));
    // tfjs defines no gradient for dilated convolutions (lab's Conv2D layer dilates the kernel
    // instead): the forward pass only there.
    const dilated = c.dilations !== 1;
    const outputs = dilated ? [y] : [y, ...plain([x, filter])];
    if (!dilated) {
      const fusedLoss = (a: tf.Tensor, b: tf.Tensor, bb: tf.Tensor) =>
        tf.sum(tf.mul(tf.fused.conv2d({ x: a as tf.Tensor4D, filter: b as tf.Tensor4D, strides: c.strides, pad: c.pad, bias: bb, activation: 'relu' }), dy));
      outputs.push(tf.fused.conv2d({ x, filter, strides: c.strides, pad: c.pad, bias, activation: 'relu' }), ...tf.grads(fusedLoss)([x, filter, bias]));
    }
    return outputs.map((t) => t.dataSync() as Float32Array);
  });
}

afterAll(() => {
  tf.setBackend('native');
});

describe('native Conv2D, FusedConv2D, Conv2DBackpropFilter, Conv2DBackpropInput', () => {
  it.each(CASES.map((c, i) => [name(c), c, i] as const))('match tfjs-cpu: %s', (_, c, i) => {
    const want = run('cpu', c, 10 * i);
    expectNoLeak(() => {
      const got = run('native', c, 10 * i);
      expect(got.length).toBe(want.length);
      const what = ['output', 'dx', 'dFilter', 'fused output', 'fused dx', 'fused dFilter', 'fused dBias'];
      for (const [j, g] of got.entries()) expectAllClose(g, want[j]!, { abs: 1e-4, rel: 1e-4, message: what[j] });
    });
  });

  it('runs on native, not through the cpu fallback', () => {
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'native')?.kernelFunc).not.toBe(tf.getKernel(tf.Conv2DBackpropFilter, 'cpu')?.kernelFunc);
  });
});
