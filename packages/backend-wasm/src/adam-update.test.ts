// LabAdamUpdate on wasm runs the composite ops as kernel functions: the same numbers, bit for bit,
// as Adam's and AdamW's composite path (update + applyUpdates) on wasm, and one kernel call per
// variable in the profile.
import { adam, adamw, applyGradients, applyUpdates, type GradientTransformation } from '@lab/optim';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

const shapes: Record<string, number[]> = { kernel: [37, 5], bias: [5], scalar: [] };

/** Seeded normal values (tfjs treats seed 0 as no seed: callers start at 1). */
function seeded(shape: number[], seed: number): tf.Tensor {
  return tf.tidy(() => tf.randomNormal(shape, 0, 1, 'float32', seed));
}

/**
 * One optimizer step: fused (`applyGradients`, which takes the chain's fused step where the
 * backend has the kernel) or composite (`update`, then `applyUpdates`).
 */
function oneStep(tx: GradientTransformation, grads: tf.NamedTensorMap, state: tf.TensorContainer, variables: Record<string, tf.Variable>, fused: boolean) {
  if (fused) return applyGradients(tx, grads, state, variables);
  const r = tx.update(grads, state, variables);
  applyUpdates(variables, r.updates);
  tf.dispose([r.updates, state]);
  return r.state;
}

/** 30 steps; the final variables and moments, and the kernels of one step. */
async function train(make: () => GradientTransformation, fused: boolean) {
  const before = tf.memory().numTensors;
  const variables = Object.fromEntries(Object.entries(shapes).map(([k, s], i) => [k, tf.tidy(() => tf.variable(seeded(s, 100 + i)))]));
  const tx = make();
  let state = tx.init(variables);
  let kernels: string[] = [];
  for (let step = 0; step < 30; step++) {
    const grads = Object.fromEntries(Object.entries(shapes).map(([k, s], i) => [k, seeded(s, 1000 * step + i + 1)]));
    if (step === 5) {
      const profile = await tf.profile(() => {
        state = oneStep(tx, grads, state, variables, fused);
      });
      kernels = profile.kernels.map((k) => k.name);
    } else {
      state = oneStep(tx, grads, state, variables, fused);
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
    const makers = [() => adam({ learningRate: 0.01 }), () => adamw({ learningRate: 0.01, weightDecay: 0.1 })];
    for (const [_i, make] of makers.entries()) {
      const composite = [await train(make, false)];
      const fused = await train(make, true);
      expect(composite[0]!.kernels).not.toContain('LabAdamUpdate');
      expect(fused.kernels).toEqual(['LabAdamUpdate', 'LabAdamUpdate', 'LabAdamUpdate']);
      expect(fused.values).toEqual(composite[0]!.values);
      expect([composite[0]!.leaked, fused.leaked]).toEqual([0, 0]);
    }
  });
});
