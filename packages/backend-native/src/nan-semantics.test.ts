import { denseBackward } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { nativeBackendName } from './register.js';
import { runKernel } from './test/run-kernel.js';

/** Runs `f` on the cpu backend and on native; returns both results' values. */
async function onBoth(f: () => tf.Tensor[]): Promise<{ cpu: number[][]; native: number[][] }> {
  const values = (ts: tf.Tensor[]) => {
    const out = ts.map((t) => Array.from(t.dataSync()));
    tf.dispose(ts);
    return out;
  };
  await tf.setBackend('cpu');
  const cpu = values(f());
  await tf.setBackend(nativeBackendName);
  return { cpu, native: values(f()) };
}

// NaN and infinities must come out of the native kernels where tfjs-cpu puts them: a NaN input
// used to become 0 in native's fused relu (x > 0 ? x : 0) while cpu's relu (x < 0 ? 0 : x) kept it,
// so the same model printed different predictions on the two backends.
describe('native NaN and infinity semantics equal tfjs-cpu', () => {
  const x = [Number.NaN, 1, -1, 2, Number.POSITIVE_INFINITY, -3, 0.5, Number.NEGATIVE_INFINITY];
  const w = [1, 0, 0, 1];

  it('fused matMul + bias + relu, and the plain ops', async () => {
    const { cpu, native } = await onBoth(() => [
      tf.fused.matMul({ a: tf.tensor2d(x, [4, 2]), b: tf.tensor2d(w, [2, 2]), bias: tf.tensor1d([0, 0]), activation: 'relu' }),
      tf.relu(tf.tensor1d(x)),
      tf.add(tf.tensor1d(x), tf.scalar(1)),
      tf.maximum(tf.tensor1d(x), tf.scalar(0)),
    ]);
    expect(native).toEqual(cpu);
    expect(Number.isNaN(native[0]![0])).toBe(true);
  });

  it('the Dense backward pass propagates a NaN activation into the gradients', () => {
    const before = tf.memory().numTensors;
    const xs = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const kernel = tf.tensor2d(w, [2, 2]);
    const y = tf.tensor2d([Number.NaN, 1, 0, 2], [2, 2]);
    const dy = tf.ones([2, 2]);
    const outs = runKernel(denseBackward.name, { x: xs, kernel, y, dy }, { activation: 'relu', hasBias: true, inputGrad: false });
    const dBias = Array.from(outs[1]!.dataSync());
    expect(Number.isNaN(dBias[0])).toBe(true);
    expect(dBias[1]).toBe(2);
    tf.dispose([xs, kernel, y, dy, ...outs]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
