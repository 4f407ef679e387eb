// PyTorch as the reference: scripts/torch-reference.py wrote the fixture with torch 1.13 in float64,
// from inputs rounded to float32, so the only differences left are float32 rounding. Logit forms
// are torch.nn.functional's own; probability forms are Keras's formula written with torch ops.
import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import torch from './fixtures/torch-reference.json' with { type: 'json' };
import { getLoss } from './get-loss.js';
import { evaluate, take } from './test/helpers.js';

// 1e-6 relative, with an absolute floor for values near 0 (float32 spacing at 1 is 1.2e-7).
const [ABS, REL] = [2e-7, 1e-6];

describe('every loss equals its PyTorch reference, with the gradient of the mean', () => {
  for (const ref of torch.cases) {
    it(`${ref.loss}: ${ref.name}`, () => {
      const yTrue = tf.tensor(ref.yTrue.flat(2), ref.yTrueShape, ref.loss.startsWith('sparse') ? 'int32' : 'float32');
      const yPred = tf.tensor(ref.yPred, ref.shape);
      const sampleWeight = 'sampleWeight' in ref && ref.sampleWeight ? tf.tensor(ref.sampleWeight) : undefined;
      const withOptions = (reduction: string) => getLoss(ref.loss, { ...ref.options, reduction, sampleWeight });
      const at = (reduction: string): number[] => evaluate(() => withOptions(reduction)(yTrue, yPred));
      expectAllClose(at('none'), ref.none, { abs: ABS, rel: REL });
      expectAllClose(at('sum'), [ref.sum], { abs: ABS, rel: REL });
      expectAllClose(at('mean'), [ref.mean], { abs: ABS, rel: REL });
      const mean = withOptions('mean');
      expectAllClose(take(tf.grad((x: tf.Tensor) => mean(yTrue, x))(yPred)), ref.gradMean, { abs: ABS, rel: REL });
      expectNoLeak(() => tf.grad((x: tf.Tensor) => mean(yTrue, x))(yPred));
      tf.dispose([yTrue, yPred, sampleWeight ?? []]);
    });
  }

  it('covers every loss', () => {
    expect(new Set(torch.cases.map((c) => c.loss))).toEqual(
      new Set([
        'categoricalCrossentropy',
        'sparseCategoricalCrossentropy',
        'binaryCrossentropy',
        'meanSquaredError',
        'meanAbsoluteError',
        'huber',
      ]),
    );
  });
});
