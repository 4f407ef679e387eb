// @lab/optim's applyGradients runs one fused kernel per variable on 'native' (Adam, AdamW, SGD,
// momentum), writing the variable and its state in place. These tests check the numbers against
// the cpu backend's composite path (update + applyUpdates), that the update really is in place,
// and that memory somebody else can see is never written over.
import { adam, adamw, applyGradients, type GradientTransformation, rmsprop, sgd } from '@lab/optim';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { randomArray } from './test/reference.js';

afterAll(async () => {
  await tf.setBackend('native');
});

const shapes: Record<string, number[]> = { kernel: [37, 5], bias: [5], scalar: [] };
const size = (shape: number[]) => shape.reduce((p, d) => p * d, 1);
const dataIdOf = (t: tf.Tensor) => (t as unknown as { dataId: object }).dataId;

const optimizers: Record<string, () => GradientTransformation> = {
  adam: () => adam({ learningRate: 0.01 }),
  adamw: () => adamw({ learningRate: 0.01, weightDecay: 0.1 }),
  sgd: () => sgd({ learningRate: 0.1 }),
  momentum: () => sgd({ learningRate: 0.05, momentum: 0.9 }),
  nesterov: () => sgd({ learningRate: 0.05, momentum: 0.9, nesterov: true }),
  rmsprop: () => rmsprop({ learningRate: 0.01 }),
  'rmsprop (centered, PyTorch epsilon)': () => rmsprop({ learningRate: 0.01, centered: true, epsilonInsideSqrt: false, epsilon: 1e-8 }),
};

/** 60 applyGradients steps with seeded gradients; final values, state, kernels and identity of storage. */
async function train(backend: string, make: () => GradientTransformation) {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const variables = Object.fromEntries(
    Object.entries(shapes).map(([k, s], i) => [k, tf.tidy(() => tf.variable(tf.tensor(randomArray(size(s), 500 + i), s), true, `${backend}-${k}-${Math.random()}`))]),
  );
  const tx = make();
  let state = tx.init(variables);
  const grads = (step: number) =>
    Object.fromEntries(Object.entries(shapes).map(([k, s], i) => [k, tf.tensor(randomArray(size(s), 1000 * step + i), s)]));
  const stepOnce = (step: number) => {
    const g = grads(step);
    state = applyGradients(tx, g, state, variables);
    tf.dispose(g);
  };
  stepOnce(0);
  const g = grads(1);
  const profile = await tf.profile(() => {
    state = applyGradients(tx, g, state, variables);
  });
  tf.dispose(g);
  const ids = Object.values(variables).map(dataIdOf);
  const bytes = tf.memory().numBytes;
  for (let step = 2; step < 60; step++) stepOnce(step);
  const sameStorage = Object.values(variables).every((v, i) => dataIdOf(v) === ids[i]);
  const grewBytes = tf.memory().numBytes - bytes;
  const values = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v.dataSync() as Float32Array]));
  const stateValues = tensorsIn(state).map((t) => t.dataSync() as Float32Array);
  tf.dispose(state);
  tf.dispose(Object.values(variables));
  return { values, stateValues, kernels: profile.kernels.map((k) => k.name), sameStorage, grewBytes, leaked: tf.memory().numTensors - before };
}

function tensorsIn(value: unknown): tf.Tensor[] {
  if (value instanceof tf.Tensor) return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(tensorsIn);
  return [];
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tolerance: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i]! - want[i]!), `${what}[${i}]`).toBeLessThan(tolerance * Math.max(1, Math.abs(want[i]!)));
  }
}

const kernelOf: Record<string, string> = { adam: 'LabAdamUpdate', adamw: 'LabAdamUpdate', sgd: 'LabSgdUpdate', momentum: 'LabMomentumUpdate', nesterov: 'LabMomentumUpdate', rmsprop: 'LabRmspropUpdate', 'rmsprop (centered, PyTorch epsilon)': 'LabRmspropUpdate' };

describe('applyGradients on native', () => {
  for (const [name, make] of Object.entries(optimizers)) {
    it(`${name}: one fused kernel per variable, in place, and cpu's values and state over 60 steps to 1e-6`, async () => {
      const cpu = await train('cpu', make);
      const native = await train('native', make);
      expect(native.kernels).toEqual(Object.keys(shapes).map(() => kernelOf[name]));
      expect(cpu.kernels).not.toContain(kernelOf[name]);
      for (const [k, want] of Object.entries(cpu.values)) expectClose(native.values[k]!, want, 1e-6, `${name} ${k}`);
      expect(native.stateValues.length).toBe(cpu.stateValues.length);
      for (const [i, want] of cpu.stateValues.entries()) expectClose(native.stateValues[i]!, want, 1e-6, `${name} state ${i}`);
      expect(native.sameStorage).toBe(true);
      expect(native.grewBytes).toBe(0);
      expect(cpu.sameStorage).toBe(false);
      expect([cpu.leaked, native.leaked]).toEqual([0, 0]);
    });
  }
});

describe('updates in place never write memory others can see', () => {
  async function setup() {
    await tf.setBackend('native');
    const variable = tf.tidy(() => tf.variable(tf.tensor(randomArray(40, 7), [8, 5]), true, `shared-${Math.random()}`));
    const tx = adam({ learningRate: 0.1 });
    let state = tx.init({ w: variable });
    const step = () => {
      const g = tf.tensor(randomArray(40, 8), [8, 5]);
      state = applyGradients(tx, { w: g }, state, { w: variable });
      g.dispose();
    };
    step(); // the variable now holds storage the kernel made
    return { variable, step, done: () => tf.dispose([variable, state]) };
  }

  it('an array read with dataSync keeps its values; the variable moves to new storage', async () => {
    const { variable, step, done } = await setup();
    const read = variable.dataSync();
    const copy = Float32Array.from(read);
    const id = dataIdOf(variable);
    step();
    expect(Array.from(read)).toEqual(Array.from(copy));
    expect(dataIdOf(variable)).not.toBe(id);
    expect(Array.from(variable.dataSync())).not.toEqual(Array.from(copy));
    done();
  });

  for (const [what, take] of [
    ['a clone', (v: tf.Tensor) => tf.clone(v)],
    ['a slice (the cpu kernel returns a view)', (v: tf.Tensor) => tf.slice(v, [0, 0], [4, 5])],
  ] as const) {
    it(`${what} of the variable, never read back, keeps its values`, async () => {
      const { variable, step, done } = await setup();
      const held = take(variable);
      // The expected values, computed by a kernel into new memory (reading would mark the storage).
      const expected = tf.tidy(() => tf.add(take(variable), 0));
      step();
      step();
      expect(Array.from(held.dataSync())).toEqual(Array.from(expected.dataSync()));
      tf.dispose([held, expected]);
      done();
    });
  }

});
