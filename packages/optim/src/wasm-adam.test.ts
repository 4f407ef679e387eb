// LabAdamUpdate on wasm runs the composite ops as kernel functions: the same numbers, bit for bit,
// as Adam's and AdamW's composite path on wasm, and one kernel call per variable in the profile.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { adam } from './adam.js';
import { adamw } from './adamw.js';
import { applyGradients } from './apply-gradients.js';
import type { GradientTransformation } from './types.js';
import { useWasmAdamKernel } from './wasm-adam.js';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const shapes: Record<string, number[]> = { kernel: [37, 5], bias: [5], scalar: [] };

/** Seeded normal values (tfjs treats seed 0 as no seed: callers start at 1). */
function seeded(shape: number[], seed: number): tf.Tensor {
  return tf.tidy(() => tf.randomNormal(shape, 0, 1, 'float32', seed));
}

/** 30 steps of applyGradients; the final variables and moments, and the kernels of one step. */
async function train(make: () => GradientTransformation) {
  const before = tf.memory().numTensors;
  const variables = Object.fromEntries(Object.entries(shapes).map(([k, s], i) => [k, tf.tidy(() => tf.variable(seeded(s, 100 + i)))]));
  const tx = make();
  let state = tx.init(variables);
  let kernels: string[] = [];
  for (let step = 0; step < 30; step++) {
    const grads = Object.fromEntries(Object.entries(shapes).map(([k, s], i) => [k, seeded(s, 1000 * step + i + 1)]));
    if (step === 5) {
      const profile = await tf.profile(() => {
        state = applyGradients(tx, grads, state, variables);
      });
      kernels = profile.kernels.map((k) => k.name);
    } else {
      state = applyGradients(tx, grads, state, variables);
    }
    tf.dispose(grads);
  }
  const values = Object.values(variables).map((t) => Array.from(t.dataSync()));
  const moments = (state as unknown as [{ mu: tf.NamedTensorMap; nu: tf.NamedTensorMap }])[0];
  const momentValues = [...Object.values(moments.mu), ...Object.values(moments.nu)].map((t) => Array.from(t.dataSync()));
  tf.dispose(state);
  tf.dispose(Object.values(variables));
  return { values: [...values, ...momentValues], kernels, leaked: tf.memory().numTensors - before };
}

describe("LabAdamUpdate on 'wasm'", () => {
  it("gives Adam's and AdamW's composite numbers exactly, one call per variable, no leaks", async () => {
    await tf.setBackend('wasm');
    const makers = [() => adam({ learningRate: 0.01 }), () => adamw({ learningRate: 0.01, weightDecay: 0.1 })];
    const composite = [];
    for (const make of makers) composite.push(await train(make));
    useWasmAdamKernel();
    for (const [i, make] of makers.entries()) {
      const fused = await train(make);
      expect(composite[i]!.kernels).not.toContain('LabAdamUpdate');
      expect(fused.kernels).toEqual(['LabAdamUpdate', 'LabAdamUpdate', 'LabAdamUpdate']);
      expect(fused.values).toEqual(composite[i]!.values);
      expect([composite[i]!.leaked, fused.leaked]).toEqual([0, 0]);
    }
  });
});
