// A learning rate set by a callback runs on the fused optimizer kernels: Adam on 'wasm' runs as
// @lab/backend-wasm's LabAdamUpdate (the rate is its attribute), and gives the weights of the
// composite chain on 'cpu'.
import '@lab/backend-wasm';
import { adamUpdate, hasKernel } from '@lab/core';
import { adam, type GradientTransformation } from '@lab/optim';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import { Sequential } from '../sequential.js';
import { blobs } from '../test/data.js';
import { LearningRateScheduler } from './learning-rate-scheduler.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('a changed learning rate on the fused path', () => {
  it("LearningRateScheduler's rates run fused on wasm and match cpu's composite steps", async () => {
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const tx = adam({ learningRate: 0.01 });
      let fused = 0;
      const counted: GradientTransformation = {
        ...tx,
        step: (grads, state, variables) => {
          const next = tx.step!(grads, state as never, variables);
          if (next !== undefined) fused++;
          return next;
        },
      };
      const model = new Sequential([new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 3, activation: 'softmax' })], { seed: 9 });
      model.compile({ optimizer: counted, loss: 'categoricalCrossentropy' });
      const { x, y } = blobs(32, 3, 9);
      const history = await model.fit(x, y, { epochs: 3, batchSize: 8, shuffle: false, callbacks: [new LearningRateScheduler((epoch) => 0.1 / 2 ** epoch)] });
      const weights = Object.values(model.namedWeights()).map((w) => Array.from(w.dataSync()));
      tf.dispose([x, y]);
      model.dispose();
      return { weights, fused, rates: history.history.learning_rate };
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    expect(hasKernel(adamUpdate, 'wasm')).toBe(true);
    expect(cpu.fused).toBe(0);
    expect(wasm.fused).toBe(12);
    expect(wasm.rates).toEqual([0.1, 0.05, 0.025]);
    for (const [i, w] of cpu.weights.flat().entries()) expect(Math.abs(wasm.weights.flat()[i]! - w), `weight ${i}`).toBeLessThan(1e-5);
  });
});
