// PyTorch as the reference for class weights (`weight=`), positive weights (`pos_weight=`),
// ignored labels (`ignore_index=`) and BCELoss's clamp: scripts/torch-weights.py wrote the fixture
// with torch 1.13 in float64 from inputs rounded to float32, calling torch.nn.functional's
// cross_entropy, binary_cross_entropy_with_logits and binary_cross_entropy themselves (gradients
// from their own backward), and torch ops for the Keras probability forms. "NaN" stands for NaN.
import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/torch-weights.json' with { type: 'json' };
import { getLoss } from './get-loss.js';
import { evaluate, take } from './test/helpers.js';

const [ABS, REL] = [2e-7, 1e-6];

const numbers = (values: (number | string)[]): number[] => values.map((v) => (v === 'NaN' ? Number.NaN : Number(v)));

/** expectAllClose, with NaN expected meaning NaN got. */
function expectClose(got: number[], want: (number | string)[], message: string): void {
  const expected = numbers(want);
  expect(got.map(Number.isNaN), `${message}: NaN positions`).toEqual(expected.map(Number.isNaN));
  const keep = (_: number, i: number) => !Number.isNaN(expected[i]!);
  expectAllClose(got.filter(keep), expected.filter(keep), { abs: ABS, rel: REL, message });
}

describe('class weights, positive weights, ignored labels and clamping equal PyTorch', () => {
  for (const ref of fixture.cases) {
    it(`${ref.loss}: ${ref.name}`, () => {
      const sparse = ref.loss.startsWith('sparse');
      const yTrue = tf.tensor(ref.yTrue, ref.yTrueShape, sparse ? 'int32' : 'float32');
      const yPred = tf.tensor(ref.yPred, ref.shape);
      const tensors = Object.fromEntries(Object.entries(ref.tensors).map(([k, v]) => [k, tf.tensor(v as number | number[])]));
      const withOptions = (reduction: string) => getLoss(ref.loss, { ...ref.options, ...tensors, reduction });
      const at = (reduction: string): number[] => evaluate(() => withOptions(reduction)(yTrue, yPred));
      expectClose(at('none'), ref.none, 'none');
      expectClose(at('sum'), [ref.sum], 'sum');
      expectClose(at('mean'), [ref.mean], 'mean');
      const mean = withOptions('mean');
      expectClose(take(tf.grad((x: tf.Tensor) => mean(yTrue, x))(yPred)), ref.gradMean, 'gradient of the mean');
      expectNoLeak(() => tf.grad((x: tf.Tensor) => mean(yTrue, x))(yPred));
      tf.dispose([yTrue, yPred, ...Object.values(tensors)]);
    });
  }

  it('covers every new option and edge case', () => {
    const options = new Set(fixture.cases.flatMap((c) => [...Object.keys(c.options), ...Object.keys(c.tensors)]));
    for (const name of ['classWeight', 'posWeight', 'ignoreIndex', 'probabilityClipping', 'sampleWeight']) {
      expect(options).toContain(name);
    }
    expect(fixture.cases.filter((c) => c.mean === 'NaN')).toHaveLength(2);
  });
});
