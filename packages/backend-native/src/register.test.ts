import { labKernels } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { loadAddon } from './addon.js';
import { loadNativeBackend, nativeInfo } from './load-native-backend.js';
import { nativeBackendName } from './register.js';

describe('the native backend', () => {
  it('is registered, in use, and reports its instruction set and threads', async () => {
    expect(await loadNativeBackend()).toMatchObject({ ok: true });
    expect(tf.getBackend()).toBe(nativeBackendName);
    const info = nativeInfo();
    expect(['generic', 'avx2', 'avx512']).toContain(info.isa);
    expect(info.threads).toBeGreaterThanOrEqual(1);
  });

  it("has every cpu kernel, plus the fused Lab kernels", () => {
    const native = new Set(tf.getKernelsForBackend(nativeBackendName).map((k) => k.kernelName));
    for (const k of tf.getKernelsForBackend('cpu')) expect(native.has(k.kernelName), k.kernelName).toBe(true);
    for (const { name } of labKernels) expect(tf.getKernel(name, nativeBackendName), name).toBeDefined();
  });

  it('runs ops it does not replace on the cpu kernels', () => {
    const before = tf.memory().numTensors;
    const y = tf.tidy(() => tf.softmax(tf.tensor2d([1, 2, 3, 1, 1, 1], [2, 3])));
    expect(Array.from(y.dataSync()).map((v) => Number(v.toFixed(6)))).toEqual([0.090031, 0.244728, 0.665241, 0.333333, 0.333333, 0.333333]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('broadcasts binary ops natively over leading axes and hands other broadcasts to the cpu kernels', () => {
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const cases: [tf.Tensor, number[]][] = [
      [tf.add(a, tf.tensor1d([10, 20, 30])), [11, 22, 33, 14, 25, 36]],
      [tf.mul(tf.scalar(2), a), [2, 4, 6, 8, 10, 12]],
      [tf.div(a, tf.tensor2d([1, 2], [2, 1])), [1, 2, 3, 2, 2.5, 3]],
      [tf.sub(tf.tensor2d([1, 2, 3], [1, 3]), a), [0, 0, 0, -3, -3, -3]],
      [tf.maximum(a, tf.scalar(3.5)), [3.5, 3.5, 3.5, 4, 5, 6]],
      [tf.minimum(a, tf.scalar(Number.NaN)), [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]],
      [tf.squaredDifference(a, tf.scalar(1)), [0, 1, 4, 9, 16, 25]],
      [tf.add(tf.tensor1d([1, 2], 'int32'), tf.scalar(1, 'int32')), [2, 3]],
    ];
    for (const [got, want] of cases) expect(Array.from(got.dataSync())).toEqual(want);
    tf.dispose([a, ...cases.map(([t]) => t)]);
  });

  it('explains, without throwing, when the addon is missing', () => {
    const result = loadAddon('/nonexistent/lab_native.node');
    expect(result).toEqual({ reason: expect.stringMatching(/none built from source .*lab_native\.node is missing/) });
  });
});
