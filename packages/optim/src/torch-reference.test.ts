// torch.optim as the reference: scripts/torch-reference.py fed the same 100 gradients to torch 1.13
// (float64, from float32-rounded inputs) and recorded the parameters along the way. What is left
// is float32 rounding: about 3e-7 after 100 steps, against a tolerance of 2e-6.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adam } from './adam.js';
import { applyUpdates } from './apply-updates.js';
import { exponentialDecay } from './exponential-decay.js';
import torch from './fixtures/torch-reference.json' with { type: 'json' };
import { sgd } from './sgd.js';
import { expectAllClose } from './test/helpers.js';
import type { GradientTransformation } from './types.js';

const optimizers: Record<string, () => GradientTransformation> = {
  'adam lr=0.01 eps=1e-8': () => adam({ learningRate: 0.01, epsilon: 1e-8 }),
  'adam, exponential decay 0.01 * 0.5^(step / 10), eps=1e-8': () => {
    const learningRate = exponentialDecay({ initialValue: 0.01, transitionSteps: 10, decayRate: 0.5 });
    return adam({ learningRate, epsilon: 1e-8 });
  },
  'sgd lr=0.1': () => sgd({ learningRate: 0.1 }),
};

const tensors = (values: Record<string, number[]>): Record<string, tf.Tensor> =>
  Object.fromEntries(Object.entries(torch.shapes).map(([k, shape]) => [k, tf.tensor(values[k] ?? [], shape)]));

describe('optimizers against torch.optim over 100 steps', () => {
  for (const ref of torch.cases) {
    it(ref.name, () => {
      const make = optimizers[ref.name];
      expect(make, `no optimizer for fixture case "${ref.name}"`).toBeDefined();
      const tx = (make as () => GradientTransformation)();
      const initial = tensors(torch.initial);
      const variables = Object.fromEntries(Object.entries(initial).map(([k, t]) => [k, tf.variable(t)]));
      tf.dispose(initial);
      let state = tx.init(variables);
      const recorded = new Map(ref.trajectory.map((r) => [r.step, r.params]));
      torch.grads.forEach((stepGrads, i) => {
        const grads = tensors(stepGrads);
        const r = tx.update(grads, state, variables);
        applyUpdates(variables, r.updates);
        tf.dispose([grads, r.updates, state]);
        state = r.state;
        const expected = recorded.get(i + 1);
        for (const [name, values] of Object.entries(expected ?? {})) {
          expectAllClose(variables[name]?.dataSync() ?? [], values, 2e-6, 0);
        }
      });
      expect(recorded.size).toBe(7);
      tf.dispose([state, variables]);
    });
  }
});
