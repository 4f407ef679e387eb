import { describe, expect, it } from 'vitest';
import { parseLoadRequest, parseWorkerResponse } from './worker-protocol.js';

const split = (count: number) => ({ count, rows: 2, cols: 2, images: new Uint8Array(count * 4), labels: new Uint8Array(count) });
const check = { name: 'train-images-idx3-ubyte', sha256: 'ab', expected: 'ab', bytes: 16 };

describe('parseWorkerResponse', () => {
  it('accepts progress, failure and loaded messages', () => {
    expect(parseWorkerResponse({ type: 'progress', message: 'Reading…' })).toEqual({ type: 'progress', message: 'Reading…' });
    expect(parseWorkerResponse({ type: 'failed', message: 'x' })).toEqual({ type: 'failed', message: 'x' });
    const loaded = parseWorkerResponse({
      type: 'loaded',
      data: { train: split(3), test: split(1), checks: [check], fullCounts: { train: 3, test: 1 } },
    });
    expect(loaded.type === 'loaded' && loaded.data.train.count).toBe(3);
  });

  it('says what is wrong with a malformed message', () => {
    expect(() => parseWorkerResponse(null)).toThrow('data worker: malformed message: not an object');
    expect(() => parseWorkerResponse({ type: 'hello' })).toThrow('unknown type "hello"');
    expect(() => parseWorkerResponse({ type: 'progress' })).toThrow('progress without a message');
    const bad = { train: { ...split(3), images: new Uint8Array(5) }, test: split(1), checks: [], fullCounts: { train: 3, test: 1 } };
    expect(() => parseWorkerResponse({ type: 'loaded', data: bad })).toThrow('train.images must hold 3×2×2 bytes');
    const badCheck = { train: split(1), test: split(1), checks: [{ ...check, name: 'x' }], fullCounts: { train: 1, test: 1 } };
    expect(() => parseWorkerResponse({ type: 'loaded', data: badCheck })).toThrow('a check names no MNIST file');
  });
});

describe('parseLoadRequest', () => {
  it('accepts URL and blob sources with limits', () => {
    const blob = new Blob([new Uint8Array(1)]);
    const request = parseLoadRequest({
      type: 'load',
      sources: [
        { name: 'train-images-idx3-ubyte', url: 'mnist/train-images-idx3-ubyte' },
        { name: 't10k-labels-idx1-ubyte', blob },
      ],
      limits: { train: 100 },
    });
    expect(request.sources[1]).toEqual({ name: 't10k-labels-idx1-ubyte', blob });
    expect(request.limits).toEqual({ train: 100, test: undefined });
  });

  it('rejects unknown files, missing sources and bad limits', () => {
    expect(() => parseLoadRequest({ type: 'load', sources: [{ name: 'x', url: 'y' }] })).toThrow('names no MNIST file');
    expect(() => parseLoadRequest({ type: 'load', sources: [{ name: 'train-images-idx3-ubyte' }] })).toThrow(
      'the source of train-images-idx3-ubyte has neither url nor blob',
    );
    expect(() => parseLoadRequest({ type: 'load', sources: [], limits: { train: -1 } })).toThrow('limits.train must be a count');
    expect(() => parseLoadRequest({ type: 'start' })).toThrow('expected a load request');
  });
});
