import { describe, expect, it } from 'vitest';
import { settingsFromUrl, urlWithSettings } from './url-settings.js';

describe('URL settings', () => {
  it('reads the training settings and ignores the rest', () => {
    const params = new URLSearchParams('backend=wasm&epochs=2&architecture=flatten,dense:64:relu&seed=7&trainLimit=100&bogus=1');
    expect(settingsFromUrl(params)).toEqual({ epochs: '2', architecture: 'flatten,dense:64:relu', seed: '7' });
  });

  it('writes only what differs from the defaults, and keeps the other parameters', () => {
    const defaults = { epochs: '5', seed: '42', architecture: 'flatten,dense:128:relu' };
    const url = urlWithSettings('http://h/app/?backend=wasm&trainLimit=100&epochs=9', { epochs: '5', seed: '3', architecture: 'conv:8:3:relu,flatten' }, defaults);
    const params = new URL(url).searchParams;
    expect(params.get('backend')).toBe('wasm');
    expect(params.get('trainLimit')).toBe('100');
    expect(params.has('epochs')).toBe(false);
    expect(params.get('seed')).toBe('3');
    expect(params.get('architecture')).toBe('conv:8:3:relu,flatten');
    // Round trip.
    expect(settingsFromUrl(params)).toEqual({ seed: '3', architecture: 'conv:8:3:relu,flatten' });
  });
});
