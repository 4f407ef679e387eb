// torch.optim as the reference: scripts/torch-reference.py fed the same 100 gradients to torch 1.13
// (float64, from float32-rounded inputs) and recorded the parameters along the way. What is left
// is float32 rounding: about 3e-7 after 100 steps, against a tolerance of 1e-5 relative (plus 1e-6
// absolute for parameters near 0), checked after 1, 2, 3, 10, 25, 50 and 100 steps.
import { expectAllClose } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { adagrad } from './adagrad.js';
import { adam } from './adam.js';
import { adamw } from './adamw.js';
import { applyUpdates } from './apply-updates.js';
import { cosineDecay } from './cosine-decay.js';
import { exponentialDecay } from './exponential-decay.js';
import torch from './fixtures/torch-reference.json' with { type: 'json' };
import { rmsprop } from './rmsprop.js';
import { sgd } from './sgd.js';
import type { GradientTransformation } from './types.js';

// PyTorch's settings where they differ from our (Keras) defaults.
const TORCH_RMSPROP = { learningRate: 0.01, decay: 0.99, epsilon: 1e-8, epsilonInsideSqrt: false } as const;
const TORCH_ADAGRAD = { initialAccumulatorValue: 0, epsilon: 1e-10, epsilonInsideSqrt: false } as const;

const optimizers: Record<string, () => GradientTransformation> = {
  'adam lr=0.01 eps=1e-8': () => adam({ learningRate: 0.01, epsilon: 1e-8 }),
  'adam, exponential decay 0.01 * 0.5^(step / 10), eps=1e-8': () => {
    const learningRate = exponentialDecay({ initialValue: 0.01, transitionSteps: 10, decayRate: 0.5 });
    return adam({ learningRate, epsilon: 1e-8 });
  },
  'sgd lr=0.1': () => sgd({ learningRate: 0.1 }),
  'sgd lr=0.05 momentum=0.9': () => sgd({ learningRate: 0.05, momentum: 0.9 }),
  'sgd lr=0.05 momentum=0.9 nesterov': () => sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true }),
  'adamw lr=0.01 eps=1e-8 weight_decay=0.01': () => adamw({ learningRate: 0.01, epsilon: 1e-8, weightDecay: 0.01 }),
  'adamw lr=0.01 eps=1e-8 weight_decay=0.1, cosine decay over 100': () =>
    adamw({ learningRate: cosineDecay({ initialValue: 0.01, decaySteps: 100 }), epsilon: 1e-8, weightDecay: 0.1 }),
  'rmsprop torch defaults lr=0.01': () => rmsprop(TORCH_RMSPROP),
  'rmsprop lr=0.01 momentum=0.5 centered': () => rmsprop({ ...TORCH_RMSPROP, momentum: 0.5, centered: true }),
  'adagrad torch defaults lr=0.01': () => adagrad({ learningRate: 0.01, ...TORCH_ADAGRAD }),
  'adagrad lr=0.1 initial_accumulator_value=0.1 lr_decay=0.01': () =>
    adagrad({ ...TORCH_ADAGRAD, initialAccumulatorValue: 0.1, learningRate: (step) => 0.1 / (1 + step * 0.01) }),
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
          expectAllClose(variables[name]?.dataSync() ?? [], values, { abs: 1e-6, rel: 1e-5 });
        }
      });
      expect(recorded.size).toBe(7);
      tf.dispose([state, variables]);
    });
  }
});
