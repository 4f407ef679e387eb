import { describe, expect, it } from 'vitest';
import { warmUpCount, warmUpShaders } from './warm-up-shaders.js';
import { buildArchitecture, PRESETS, parseArchitecture } from '../model/architecture.js';
import * as tf from '@tensorflow/tfjs-core';

describe('warmUpCount', () => {
  it('covers one full batch and the last partial one', () => {
    expect(warmUpCount(4500, 64)).toBe(64 + 20);
    expect(warmUpCount(4480, 64)).toBe(64);
    expect(warmUpCount(50, 64)).toBe(50);
    expect(warmUpCount(64, 64)).toBe(64);
  });
});

describe('warmUpShaders', () => {
  it('does nothing off webgl, and disposes the twin', async () => {
    const before = tf.memory().numTensors;
    const twin = buildArchitecture(parseArchitecture(PRESETS.mlp), 1);
    expect(await warmUpShaders(twin, { train: 100, validation: 10, batchSize: 64, rows: 28, cols: 28, classes: 10 })).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });
});
