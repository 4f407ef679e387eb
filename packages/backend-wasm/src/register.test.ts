import { adamUpdate, hasKernel, hostTensor, softmaxCrossEntropy } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { registerWasmKernels, wasmMissingKernelConfigs, wasmReplacementKernelConfigs } from './register.js';

describe('@lab/backend-wasm', () => {
  it('registers its kernels for wasm on import, idempotently, and no others', () => {
    registerWasmKernels();
    expect(tf.getBackend()).toBe('wasm');
    expect(hasKernel(adamUpdate)).toBe(true);
    expect(hasKernel(softmaxCrossEntropy)).toBe(true);
    expect(hasKernel(adamUpdate, 'cpu')).toBe(false);
  });

  it('registers the missing training kernels and the replacements for wasm', () => {
    for (const config of [...wasmMissingKernelConfigs, ...wasmReplacementKernelConfigs]) {
      expect(tf.getKernel(config.kernelName, 'wasm')?.kernelFunc, config.kernelName).toBe(config.kernelFunc);
    }
    expect(wasmMissingKernelConfigs.map((c) => c.kernelName)).toContain(tf.Conv2DBackpropFilter);
  });

  it('builds host tensors straight in the wasm heap', () => {
    const before = tf.memory().numTensors;
    const target = hostTensor([2, 2], 'float32');
    target.values.set([1, 2, 3, 4]);
    const t = target.tensor();
    expect(Array.from(t.dataSync())).toEqual([1, 2, 3, 4]);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
