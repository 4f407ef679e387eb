import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { callKernel, defineKernel, hasKernel, runKernel } from './kernel-contract.js';
import { sgdUpdate } from './kernels/index.js';

describe('kernel contracts', () => {
  it('hasKernel looks the contract up on the active backend or a named one', () => {
    expect(hasKernel(sgdUpdate)).toBe(false);
    expect(hasKernel({ name: 'Add' })).toBe(true);
    expect(hasKernel({ name: 'Add' }, 'no-such-backend')).toBe(false);
  });

  it('callKernel falls back to the reference where no backend kernel is registered; runKernel does not', () => {
    const before = tf.memory().numTensors;
    const grad = tf.tensor1d([1, 2]);
    const [out] = callKernel(sgdUpdate, { grad, param: undefined }, { scale: -2 });
    expect(Array.from(out!.dataSync())).toEqual([-2, -4]);
    expect(() => runKernel(sgdUpdate, { grad }, { scale: 1 })).toThrow(/LabSgdUpdate/);
    tf.dispose([grad, out!]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('defineKernel gives a kernel config whose function sees typed inputs and attrs', () => {
    const config = defineKernel(sgdUpdate, 'test-backend', ({ inputs, attrs }) => {
      expect(attrs.scale).toBe(3);
      return [inputs.grad];
    });
    expect(config).toMatchObject({ kernelName: 'LabSgdUpdate', backendName: 'test-backend' });
    const grad = tf.scalar(1);
    expect(config.kernelFunc({ inputs: { grad }, attrs: { scale: 3 }, backend: tf.backend() })).toEqual([grad]);
    grad.dispose();
  });
});
