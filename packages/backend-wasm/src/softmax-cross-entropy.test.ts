// LabSoftmaxCrossEntropy on wasm against @lab/core's reference composite run on the cpu backend
// (the reference is checked against the formula in float64 in @lab/core).
import { Random, runKernel, softmaxCrossEntropy } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tolerance: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i]! - want[i]!), `${what}[${i}]`).toBeLessThan(tolerance * Math.max(1, Math.abs(want[i]!)));
  }
}

describe("LabSoftmaxCrossEntropy on 'wasm'", () => {
  it('gives the per-row loss and the scaled gradient of the mean loss, for one-hot, soft and extreme logits', async () => {
    const random = new Random(4);
    const [rows, cols] = [9, 7];
    const logits = Float32Array.from({ length: rows * cols }, (_, i) => (i % 11 === 0 ? 80 : (random.next() - 0.5) * 12));
    const oneHot = Float32Array.from({ length: rows * cols }, (_, i) => (i % cols === (Math.floor(i / cols) * 3) % cols ? 1 : 0));
    const soft = Float32Array.from(oneHot, (v) => v * 0.9 + 0.1 / cols);
    for (const [what, labels] of [['one-hot', oneHot], ['soft', soft]] as const) {
      const outputs = async (backend: string) => {
        await tf.setBackend(backend);
        const [z, t] = [tf.tensor2d(logits, [rows, cols]), tf.tensor2d(labels, [rows, cols])];
        const before = tf.memory().numTensors;
        const outs = backend === 'cpu' ? softmaxCrossEntropy.reference({ logits: z, labels: t }, { scale: 1 / rows }) : runKernel(softmaxCrossEntropy, { logits: z, labels: t }, { scale: 1 / rows });
        expect(tf.memory().numTensors).toBe(before + 2);
        const values = outs.map((o) => o.dataSync());
        tf.dispose([z, t, ...outs]);
        return values;
      };
      const [wantLoss, wantGrad] = await outputs('cpu');
      const [loss, grad] = await outputs('wasm');
      expectClose(loss!, wantLoss!, 1e-5, `${what} loss`);
      expectClose(grad!, wantGrad!, 1e-6, `${what} gradient`);
    }
    await tf.setBackend('wasm');
  });

  it('names the kernel and the shapes of bad inputs', () => {
    const [a, b] = [tf.zeros([2, 3]), tf.zeros([3, 2])];
    expect(() => runKernel(softmaxCrossEntropy, { logits: a, labels: b }, {})).toThrow('LabSoftmaxCrossEntropy: logits [2, 3] and labels [3, 2] must both be [rows, classes]');
    tf.dispose([a, b]);
  });
});
