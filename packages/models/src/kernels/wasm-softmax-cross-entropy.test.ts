// LabSoftmaxCrossEntropy on wasm against @lab/losses' cross-entropy from logits (checked against
// PyTorch in that package) and its autodiff gradient on the cpu backend; then a whole training step
// of backpropStep on wasm against autodiff on cpu.
import { categoricalCrossentropy } from '@lab/losses';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { backpropStep } from '../backprop.js';
import { resolveCompile } from '../compile.js';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import { Random } from '../random.js';
import { Sequential } from '../sequential.js';
import { blobs } from '../test/data.js';
import { useWasmSoftmaxCrossEntropy } from './wasm-softmax-cross-entropy.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tolerance: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i]! - want[i]!), `${what}[${i}]`).toBeLessThan(tolerance * Math.max(1, Math.abs(want[i]!)));
  }
}

describe("LabSoftmaxCrossEntropy on 'wasm'", () => {
  it('gives the per-row loss and the scaled gradient of the mean loss, for one-hot, soft and extreme logits', async () => {
    const random = new Random(4);
    const rows = 9;
    const cols = 7;
    const logits = Float32Array.from({ length: rows * cols }, (_, i) => (i % 11 === 0 ? 80 : (random.next() - 0.5) * 12));
    const oneHot = Float32Array.from({ length: rows * cols }, (_, i) => (i % cols === (Math.floor(i / cols) * 3) % cols ? 1 : 0));
    const soft = Float32Array.from(oneHot, (v) => v * 0.9 + 0.1 / cols);
    for (const [what, labels] of [['one-hot', oneHot], ['soft', soft]] as const) {
      await tf.setBackend('cpu');
      const [z, t] = [tf.tensor2d(logits, [rows, cols]), tf.tensor2d(labels, [rows, cols])];
      const rowLoss = categoricalCrossentropy(t, z, { fromLogits: true, reduction: 'none' });
      const grad = tf.grad((x: tf.Tensor) => categoricalCrossentropy(t, x, { fromLogits: true }) as tf.Scalar)(z);
      const [wantLoss, wantGrad] = [rowLoss.dataSync(), grad.dataSync()];
      tf.dispose([z, t, rowLoss, grad]);

      await tf.setBackend('wasm');
      useWasmSoftmaxCrossEntropy();
      const [zw, tw] = [tf.tensor2d(logits, [rows, cols]), tf.tensor2d(labels, [rows, cols])];
      const before = tf.memory().numTensors;
      const [loss, dLogits] = tf.engine().runKernel('LabSoftmaxCrossEntropy', { logits: zw, labels: tw }, { scale: 1 / rows }) as tf.Tensor[];
      expectClose(loss!.dataSync(), wantLoss, 1e-5, `${what} loss`);
      expectClose(dLogits!.dataSync(), wantGrad, 1e-6, `${what} gradient`);
      expect(tf.memory().numTensors).toBe(before + 2);
      tf.dispose([zw, tw, loss!, dLogits!]);
    }
  });

  it("makes fit's analytic step on wasm give cpu autodiff's gradients (1e-5)", async () => {
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const model = new Sequential([new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 8, activation: 'relu' }), new Dense({ units: 3, activation: 'softmax' })], { seed: 5 });
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
      const { x, y } = blobs(16, 3, 8);
      const compiled = resolveCompile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
      let grads: Float32Array[];
      if (backend === 'wasm') {
        useWasmSoftmaxCrossEntropy();
        const step = backpropStep(model, compiled, x, y, true)!;
        grads = Object.values(step.grads).map((g) => g.dataSync() as Float32Array);
        tf.dispose([step.grads, step.lossSum, step.out]);
      } else {
        const vars = Object.values(model.namedWeights());
        const { value, grads: g } = tf.variableGrads(() => categoricalCrossentropy(y, model.forward(x, true, true), { fromLogits: true }) as tf.Scalar, vars);
        grads = vars.map((v) => g[v.name]!.dataSync() as Float32Array);
        tf.dispose([value, g]);
      }
      tf.dispose([x, y]);
      model.dispose();
      return grads;
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(wasm).toHaveLength(4);
    for (const [i, want] of cpu.entries()) expectClose(wasm[i]!, want, 1e-5, `gradient ${i}`);
  });
});
