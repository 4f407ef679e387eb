import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { setupCpu } from './cpu.js';

describe('setupCpu', () => {
  it('(run by the setup module) leaves the cpu backend active, with IS_TEST set', async () => {
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.env().getBool('IS_TEST')).toBe(true);
    await setupCpu();
    expect(tf.getBackend()).toBe('cpu');
  });
});
