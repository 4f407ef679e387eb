// The analytic backward pass fit uses (backpropStep) against tfjs's autodiff of the same forward
// pass and loss (tf.variableGrads): same loss, same gradients, for every case it accepts; and a
// clean refusal (nothing leaked) for a layer without one.
import { categoricalCrossentropy } from '@lab/losses';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { backpropStep } from './backprop.js';
import { resolveCompile } from './compile.js';
import { Dense, type DenseOptions } from './layers/dense.js';
import { Flatten } from './layers/flatten.js';
import { Sequential } from './sequential.js';
import { blobs } from './test/data.js';

type Case = { name: string; layers: () => (Dense | Flatten)[]; loss: string };

const cases: Case[] = [
  {
    name: "the lesson's shape: Flatten → Dense relu → Dense softmax, cross-entropy (from logits)",
    layers: () => [new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 8, activation: 'relu' }), new Dense({ units: 3, activation: 'softmax' })],
    loss: 'categoricalCrossentropy',
  },
  {
    name: 'linear and relu layers without bias, mean squared error',
    layers: () => [
      new Flatten({ inputShape: [4, 4, 1] }),
      new Dense({ units: 6, activation: 'relu', useBias: false }),
      new Dense({ units: 5, activation: 'linear' }),
      new Dense({ units: 3, useBias: false }),
    ],
    loss: 'meanSquaredError',
  },
  {
    name: 'softmax output with mean squared error (no logits shortcut: softmax is not analytic here)',
    layers: () => [new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 3, activation: 'softmax' })],
    loss: 'meanSquaredError',
  },
];

function model(c: Case): Sequential {
  const m = new Sequential(c.layers(), { seed: 3 });
  m.compile({ optimizer: 'adam', loss: c.loss });
  return m;
}

/** Biases start at zero; give them values so that their gradients are tested in general. */
function perturbBiases(m: Sequential): void {
  for (const [name, w] of Object.entries(m.namedWeights())) {
    if (name.endsWith('/bias')) w.assign(tf.tidy(() => tf.randomUniform(w.shape, -0.5, 0.5, 'float32', 11)));
  }
}

describe('backpropStep', () => {
  for (const c of cases) {
    it(`${c.name}: autodiff's loss and gradients (1e-6), no leaks`, () => {
      const m = model(c);
      perturbBiases(m);
      const compiled = resolveCompile({ optimizer: 'adam', loss: c.loss });
      const { x, y } = blobs(12, 3, 5);
      const logits = m.usesLogits();
      const before = tf.memory().numTensors;
      const step = backpropStep(m, compiled, x, y, logits);
      const analytic = c.name.startsWith('softmax output') ? undefined : step;
      if (!analytic) {
        expect(step).toBeUndefined();
        expect(tf.memory().numTensors).toBe(before);
      } else {
        const vars = Object.values(m.namedWeights());
        const reference = tf.variableGrads(() => {
          const out = m.forward(x, true, logits);
          // @lab/losses' cross-entropy from logits, checked against PyTorch in its own tests.
          const loss = logits ? categoricalCrossentropy(y, out, { fromLogits: true }) : compiled.loss(y, out);
          return loss as tf.Scalar;
        }, vars);
        expect(analytic.lossSum.dataSync()[0]! / 12).toBeCloseTo(reference.value.dataSync()[0]!, 6);
        for (const [name, v] of Object.entries(m.namedWeights())) {
          const got = analytic.grads[name]!.dataSync();
          const want = reference.grads[v.name]!.dataSync();
          expect(got.length, name).toBe(want.length);
          for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!), `${name}[${i}]`).toBeLessThan(1e-6);
        }
        const forward = m.forward(x, false, logits);
        expect(Array.from(analytic.out.dataSync())).toEqual(Array.from(forward.dataSync()));
        tf.dispose([reference.value, reference.grads, forward, analytic.grads, analytic.lossSum, analytic.out]);
        expect(tf.memory().numTensors).toBe(before);
      }
      tf.dispose([x, y]);
      m.dispose();
    });
  }

  it('a layer with another activation makes it refuse, and fit then trains with autodiff to the same result', async () => {
    const make = (activation: DenseOptions['activation']) => {
      const m = new Sequential([new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 8, activation }), new Dense({ units: 3, activation: 'softmax' })], { seed: 9 });
      m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
      return m;
    };
    const { x, y } = blobs(48, 3, 6);
    const tanh = make('tanh');
    const compiled = resolveCompile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    const before = tf.memory().numTensors;
    expect(backpropStep(tanh, compiled, x, y, true)).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
    const history = await tanh.fit(x, y, { epochs: 3, batchSize: 16, seed: 1 });
    expect(history.history.loss[2]).toBeLessThan(history.history.loss[0]!);
    // Plain SGD keeps no tensors in its state: everything fit made is freed.
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
    tanh.dispose();
  });
});
