import { wasmKernelConfigs } from '@lab/backend-wasm';
import { webglKernelConfigs } from '@lab/backend-webgl';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { BACKEND_ORDER, backendCandidates, webgpuSupport } from './backend.js';

describe("lab's kernels", () => {
  it('are registered for webgl and wasm once backend.ts is loaded', () => {
    expect(webglKernelConfigs.length).toBeGreaterThan(0);
    expect(wasmKernelConfigs.length).toBeGreaterThan(0);
    for (const config of [...webglKernelConfigs, ...wasmKernelConfigs]) {
      expect(tf.getKernel(config.kernelName, config.backendName), `${config.kernelName} on ${config.backendName}`).toBe(config);
    }
  });
});

describe('backendCandidates', () => {
  it('tries every backend, fastest first, when none is requested', () => {
    expect(backendCandidates()).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendCandidates(null)).toEqual([...BACKEND_ORDER]);
    expect(backendCandidates('')).toEqual([...BACKEND_ORDER]);
  });

  it('starts at the requested backend and keeps only slower ones after it', () => {
    expect(backendCandidates('webgl')).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendCandidates('wasm')).toEqual(['wasm', 'cpu']);
    expect(backendCandidates('cpu')).toEqual(['cpu']);
  });

  it('tries webgpu only when picked, and falls back to all the others', () => {
    expect(backendCandidates()).not.toContain('webgpu');
    expect(backendCandidates('webgpu')).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('names the valid backends when given an unknown one', () => {
    expect(() => backendCandidates('webgl2')).toThrow("unknown backend 'webgl2'; expected one of webgl, wasm, cpu, webgpu");
  });
});

describe('webgpuSupport', () => {
  it('says why without navigator.gpu', async () => {
    expect(await webgpuSupport(undefined)).toEqual({ reason: 'WebGPU is not available in this browser (no navigator.gpu)' });
  });

  it('says why when the browser has WebGPU but no adapter', async () => {
    const { reason } = await webgpuSupport({ requestAdapter: async () => null });
    expect(reason).toBe('this browser offers WebGPU but no adapter for it (no supported GPU)');
  });

  it('passes on the error of a failed adapter request', async () => {
    const { reason } = await webgpuSupport({
      requestAdapter: async () => {
        throw new Error('device lost');
      },
    });
    expect(reason).toBe('WebGPU adapter request failed: device lost');
  });

  it('has no reason when an adapter is offered', async () => {
    expect(await webgpuSupport({ requestAdapter: async () => ({}) })).toEqual({ reason: undefined });
  });
});
