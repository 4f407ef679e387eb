import { wasmKernelConfigs } from '@lab/backend-wasm';
import { webglKernelConfigs } from '@lab/backend-webgl';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { BACKEND_ORDER, backendCandidates, isSoftwareRenderer, webglRenderer, webgpuSupport } from './backend.js';

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

describe('webglRenderer and isSoftwareRenderer', () => {
  const gl = (unmasked: string | undefined, masked = 'WebKit WebGL') => ({
    RENDERER: 0x1f01,
    getExtension: (name: string) => (name === 'WEBGL_debug_renderer_info' && unmasked !== undefined ? { UNMASKED_RENDERER_WEBGL: 0x9246 } : null),
    getParameter: (p: number) => (p === 0x9246 ? unmasked : p === 0x1f01 ? masked : undefined),
  });

  it('reads the unmasked renderer where the browser gives it, else the masked one, and nothing off webgl', () => {
    expect(webglRenderer(gl('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)'))).toBe('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)');
    expect(webglRenderer(gl(undefined))).toBe('WebKit WebGL');
    expect(webglRenderer(undefined)).toBeUndefined();
    // The test setup's backend is cpu: no webgl context to read.
    expect(webglRenderer()).toBeUndefined();
  });

  it('tells the software renderers (no GPU) from hardware ones', () => {
    for (const software of ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', 'llvmpipe (LLVM 15.0.6, 256 bits)', 'Mesa softpipe', 'Microsoft Basic Render Driver']) {
      expect(isSoftwareRenderer(software), software).toBe(true);
    }
    for (const hardware of ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)', 'Apple M2', 'Mesa Intel(R) UHD Graphics 620 (KBL GT2)', 'WebKit WebGL']) {
      expect(isSoftwareRenderer(hardware), hardware).toBe(false);
    }
  });
});
