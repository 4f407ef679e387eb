import { expectAllClose } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { binaryCrossentropy } from './binary-crossentropy.js';
import { categoricalCrossentropy } from './categorical-crossentropy.js';
import { getLoss, LOSS_NAMES } from './get-loss.js';
import { huber } from './huber.js';
import { meanAbsoluteError } from './mean-absolute-error.js';
import { meanSquaredError } from './mean-squared-error.js';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';
import { evaluate } from './test/helpers.js';
import type { LossFn } from './types.js';

describe('getLoss', () => {
  it('resolves the CLI names, our camelCase names, Keras names and class names to the function itself', () => {
    const expected = [
      [categoricalCrossentropy, ['categorical-crossentropy', 'categoricalCrossentropy', 'categorical_crossentropy']],
      [sparseCategoricalCrossentropy, ['sparse-categorical-crossentropy', 'SparseCategoricalCrossentropy']],
      [binaryCrossentropy, ['binary-crossentropy', 'binaryCrossentropy', 'binary_crossentropy']],
      [meanSquaredError, ['mean-squared-error', 'mse', 'meanSquaredError', 'mean_squared_error', 'MSE']],
      [meanAbsoluteError, ['mean-absolute-error', 'mae', 'meanAbsoluteError', 'mean_absolute_error']],
      [huber, ['huber', 'Huber']],
    ] as const;
    for (const [loss, names] of expected) {
      for (const name of names) {
        expect(getLoss(name), name).toBe(loss);
      }
    }
  });

  it('binds options given with a name', () => {
    const [yTrue, logits] = [tf.tensor2d([[0, 1]]), tf.tensor2d([[0, 0]])];
    expectAllClose(evaluate(() => getLoss('categorical-crossentropy', { fromLogits: true })(yTrue, logits)), [Math.LN2]);
    tf.dispose([yTrue, logits]);
  });

  it('passes a loss function through, without options', () => {
    const custom: LossFn = (yTrue, yPred) => tf.sum(tf.abs(tf.sub(yTrue, yPred)));
    expect(getLoss(custom)).toBe(custom);
    expect(() => getLoss(custom, { reduction: 'sum' })).toThrow('options apply only to a loss given by name');
  });

  it('refuses unknown names, listing the valid ones, even names every object has', () => {
    const valid = LOSS_NAMES.join(', ');
    expect(valid).toBe(
      'mean-squared-error, mse, mean-absolute-error, mae, huber, binary-crossentropy, ' +
        'categorical-crossentropy, sparse-categorical-crossentropy',
    );
    expect(() => getLoss('crossentropy')).toThrow(`Unknown loss "crossentropy"; valid names are ${valid}`);
    expect(() => getLoss('toString')).toThrow('Unknown loss "toString"');
  });
});
