import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { categoricalCrossentropy } from './categorical-crossentropy.js';
import { getLoss, LOSS_NAMES } from './get-loss.js';
import { meanSquaredError } from './mean-squared-error.js';
import type { LossFn } from './types.js';

describe('getLoss', () => {
  it('resolves our names and the Keras names', () => {
    expect(getLoss('categoricalCrossentropy')).toBe(categoricalCrossentropy);
    expect(getLoss('categorical_crossentropy')).toBe(categoricalCrossentropy);
    for (const name of ['meanSquaredError', 'mse', 'mean_squared_error'] as const) {
      expect(getLoss(name)).toBe(meanSquaredError);
    }
  });

  it('passes a loss function through', () => {
    const custom: LossFn = (yTrue, yPred) => tf.sum(tf.abs(tf.sub(yTrue, yPred)));
    expect(getLoss(custom)).toBe(custom);
  });

  it('refuses unknown names, listing the valid ones, even names every object has', () => {
    const valid = LOSS_NAMES.join(', ');
    expect(valid).toBe(
      'categoricalCrossentropy, categorical_crossentropy, meanSquaredError, mse, mean_squared_error',
    );
    expect(() => getLoss('crossentropy')).toThrow(`Unknown loss "crossentropy"; valid names are ${valid}`);
    expect(() => getLoss('toString')).toThrow('Unknown loss "toString"');
  });
});
