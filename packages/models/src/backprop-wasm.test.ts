// A whole training step of backpropStep on wasm, with @lab/backend-wasm's LabSoftmaxCrossEntropy,
// against tfjs's autodiff of @lab/losses' cross-entropy (checked against PyTorch there) on cpu.
import '@lab/backend-wasm';
import { hasKernel, softmaxCrossEntropy } from '@lab/core';
import { categoricalCrossentropy } from '@lab/losses';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { backpropStep } from './backprop.js';
import { resolveCompile } from './compile.js';
import { Dense } from './layers/dense.js';
import { Flatten } from './layers/flatten.js';
import { Sequential } from './sequential.js';
import { blobs } from './test/data.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tolerance: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i]! - want[i]!), `${what}[${i}]`).toBeLessThan(tolerance * Math.max(1, Math.abs(want[i]!)));
  }
}

describe("fit's analytic step on 'wasm' (@lab/backend-wasm's kernels)", () => {
  it("makes fit's analytic step on wasm give cpu autodiff's gradients (1e-5)", async () => {
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const model = new Sequential([new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 8, activation: 'relu' }), new Dense({ units: 3, activation: 'softmax' })], { seed: 5 });
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
      const { x, y } = blobs(16, 3, 8);
      const compiled = resolveCompile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
      let grads: Float32Array[];
      if (backend === 'wasm') {
        expect(hasKernel(softmaxCrossEntropy)).toBe(true);
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
