// PyTorch as the reference: scripts/torch-reference.py wrote the fixture with torch 1.13 in float64,
// from inputs rounded to float32, so the only differences left are float32 rounding.
import * as tf from '@tensorflow/tfjs-core';
import { describe, it } from 'vitest';
import { categoricalCrossentropy } from './categorical-crossentropy.js';
import torch from './fixtures/torch-reference.json' with { type: 'json' };
import { meanSquaredError } from './mean-squared-error.js';
import { evaluate, expectAllClose, take } from './test/helpers.js';

describe('categoricalCrossentropy with fromLogits equals torch.nn.functional.cross_entropy', () => {
  for (const ref of torch.crossEntropy) {
    it(`on ${ref.name}: every reduction and the gradient of the mean`, () => {
      const [target, logits] = [tf.tensor2d(ref.target), tf.tensor2d(ref.logits)];
      const loss = (x: tf.Tensor): tf.Tensor => categoricalCrossentropy(target, x, { fromLogits: true });
      const lossWith = (reduction: 'none' | 'sum'): number[] =>
        evaluate(() => categoricalCrossentropy(target, logits, { fromLogits: true, reduction }));
      expectAllClose(lossWith('none'), ref.none);
      expectAllClose(lossWith('sum'), [ref.sum]);
      expectAllClose(evaluate(() => loss(logits)), [ref.mean]);
      expectAllClose(take(tf.grad(loss)(logits)), ref.gradMeanWrtLogits.flat());
      tf.dispose([target, logits]);
    });
  }
});

describe('meanSquaredError equals torch.nn.functional.mse_loss', () => {
  it("per sample (torch's 'none' averaged over the last axis) and as the mean", () => {
    const [yTrue, yPred] = [tf.tensor2d(torch.mse.yTrue), tf.tensor2d(torch.mse.yPred)];
    expectAllClose(evaluate(() => meanSquaredError(yTrue, yPred, { reduction: 'none' })), torch.mse.none);
    expectAllClose(evaluate(() => meanSquaredError(yTrue, yPred)), [torch.mse.mean]);
    tf.dispose([yTrue, yPred]);
  });
});
