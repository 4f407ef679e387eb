// Invariants on random inputs (fast-check): every loss is finite and non-negative, and the sparse
// loss equals the categorical one on one-hot labels.
import { expectAllClose } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoricalCrossentropy } from './categorical-crossentropy.js';
import { getLoss, LOSS_NAMES } from './get-loss.js';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy.js';
import { evaluate } from './test/helpers.js';

const batch = fc.integer({ min: 1, max: 4 });
const logit = fc.float({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true });

describe('loss properties', () => {
  it('every loss, from logits or probabilities, is finite and >= 0', () => {
    fc.assert(
      fc.property(batch, fc.array(logit, { minLength: 12, maxLength: 12 }), (rows, values) => {
        const x = tf.tensor2d(values.slice(0, rows * 3), [rows, 3]);
        const target = tf.tidy(() => tf.oneHot(tf.tensor1d(values.slice(0, rows).map((v) => Math.abs(Math.round(v)) % 3), 'int32'), 3));
        const probabilities = tf.softmax(x);
        for (const name of LOSS_NAMES.filter((n) => !n.startsWith('sparse'))) {
          for (const [input, fromLogits] of [[x, true], [probabilities, false]] as const) {
            const options = name.includes('crossentropy') ? { fromLogits } : {};
            const [value] = evaluate(() => getLoss(name, options)(target, input));
            expect(Number.isFinite(value) && (value ?? -1) >= 0, `${name} ${fromLogits}`).toBe(true);
          }
        }
        tf.dispose([x, target, probabilities]);
      }),
      { numRuns: 30 },
    );
  });

  it('sparse equals categorical on the one-hot labels', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (labels, fromLogits) => {
        // Probabilities without fromLogits: the losses refuse anything else.
        const x = tf.tidy(() => {
          const logits = tf.randomNormal([labels.length, 4], 0, 3, 'float32', labels.length);
          return fromLogits ? logits : tf.softmax(logits);
        });
        const sparse = tf.tensor1d(labels, 'int32');
        const oneHot = tf.oneHot(sparse, 4);
        const options = { fromLogits, reduction: 'none' } as const;
        expectAllClose(
          evaluate(() => sparseCategoricalCrossentropy(sparse, x, options)),
          evaluate(() => categoricalCrossentropy(oneHot, x, options)),
        );
        tf.dispose([x, sparse, oneHot]);
      }),
      { numRuns: 30 },
    );
  });
});
