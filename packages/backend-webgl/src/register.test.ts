import { hasKernel, labKernels } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { registerWebGLKernels, webglKernelConfigs } from './register.js';

describe('@lab/backend-webgl', () => {
  it("registers one config per @lab/core contract it implements, for 'webgl' only, on import and idempotently", () => {
    const contracts = labKernels.filter((contract) => webglKernelConfigs.some((config) => config.kernelName === contract.name));
    expect(contracts).toHaveLength(webglKernelConfigs.length);
    expect(contracts.length).toBeGreaterThanOrEqual(4);
    for (const config of webglKernelConfigs) {
      expect(config.backendName).toBe('webgl');
      expect(tf.getKernel(config.kernelName, 'webgl')).toBe(config);
    }
    registerWebGLKernels();
    for (const config of webglKernelConfigs) expect(tf.getKernel(config.kernelName, 'webgl')).toBe(config);
    for (const contract of contracts) {
      expect(hasKernel(contract, 'webgl')).toBe(true);
      expect(hasKernel(contract, 'cpu')).toBe(false);
    }
  });

  it('initialises no backend: in Node tfjs-backend-webgl offers none, and cpu stays active', () => {
    expect(tf.findBackendFactory('webgl')).toBeNull();
    expect(tf.getBackend()).toBe('cpu');
  });
});
