import { describe, expect, it } from 'vitest';
import { BACKEND_ORDER, backendCandidates } from './backend.js';

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

  it('names the valid backends when given an unknown one', () => {
    expect(() => backendCandidates('webgpu')).toThrow("unknown backend 'webgpu'; expected one of webgl, wasm, cpu");
  });
});
