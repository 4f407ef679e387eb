// @lab/optim and @lab/models call the fused kernels when the active backend registers them: these
// tests check that they do on 'native', and that the numbers are the cpu backend's composite ones.
import { adamUpdate, denseBackward } from '@lab/core';
import { Dense } from '@lab/models';
import { adam, applyGradients } from '@lab/optim';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { randomArray } from './test/reference.js';

afterAll(async () => {
  await tf.setBackend('native');
});

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tolerance: number, what: string): void {
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i]! - want[i]!), `${what}[${i}]`).toBeLessThan(tolerance * Math.max(1, Math.abs(want[i]!)));
  }
}

/** Kernel names and output counts of everything `f` runs, on the active backend. */
async function kernelsOf(f: () => tf.TensorContainer): Promise<{ name: string; outputs: number }[]> {
  const info = await tf.profile(f);
  tf.dispose(info.result);
  return info.kernels.map((k) => ({ name: k.name, outputs: k.outputShapes.length }));
}

const shapes: Record<string, number[]> = { kernel: [37, 5], bias: [5], scalar: [] };

/**
 * 100 steps of @lab/optim's `adam` through `applyGradients` with seeded gradients: the final
 * parameters and moments, and whether the chain's fused step ran `LabAdamUpdate`.
 */
async function adamSteps(backend: string): Promise<{ values: Record<string, Float32Array>; fused: boolean; leaked: number }> {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const variables = Object.fromEntries(Object.entries(shapes).map(([k, s]) => [k, tf.tidy(() => tf.variable(tf.zeros(s)))]));
  const tx = adam({ learningRate: 0.01, epsilon: 1e-8 });
  let state = tx.init(variables);
  let fused = false;
  for (let step = 0; step < 100; step++) {
    const grads = Object.fromEntries(
      Object.entries(shapes).map(([k, s], i) => [k, tf.tensor(randomArray(s.reduce((p, d) => p * d, 1), 1000 * step + i), s)]),
    );
    if (step === 0) {
      const info = await tf.profile(() => {
        state = applyGradients(tx, grads, state, variables);
      });
      fused = info.kernels.some((k) => k.name === adamUpdate.name);
    } else {
      state = applyGradients(tx, grads, state, variables);
    }
    tf.dispose(grads);
  }
  const values: Record<string, Float32Array> = {};
  const [moments] = state;
  for (const k of Object.keys(shapes)) {
    values[`param ${k}`] = variables[k]!.dataSync() as Float32Array;
    values[`mu ${k}`] = moments.mu[k]!.dataSync() as Float32Array;
    values[`nu ${k}`] = moments.nu[k]!.dataSync() as Float32Array;
  }
  tf.dispose([state, Object.values(variables)]);
  return { values, fused, leaked: tf.memory().numTensors - before };
}

describe("adam's fused step with 'LabAdamUpdate'", () => {
  it("calls the fused kernel on native and gives cpu's parameters and moments over 100 steps, to 1e-6", async () => {
    const cpu = await adamSteps('cpu');
    const native = await adamSteps('native');
    expect(cpu.fused).toBe(false);
    expect(native.fused).toBe(true);
    // The kernel takes 1 − β1 and 1 − β2 rounded from double, as the composite ops do; formed in
    // float32 (1 − 0.999f = 0.00099998713) they made v differ by ~1.3e-5 relative.
    for (const [what, want] of Object.entries(cpu.values)) expectClose(native.values[what]!, want, 1e-6, what);
    expect([cpu.leaked, native.leaked]).toEqual([0, 0]);
  });
});

type DenseCase = { activation: 'relu' | 'linear'; useBias: boolean };

/** Gradients of a loss through one Dense layer with respect to its weights and (optionally) x. */
async function denseGrads(backend: string, { activation, useBias }: DenseCase, withInput: boolean) {
  await tf.setBackend(backend);
  const before = tf.memory().numTensors;
  const layer = new Dense({ units: 7, activation, useBias, biasInitializer: 'glorotUniform' });
  layer.build([13], 5);
  const x = tf.tensor2d(randomArray(9 * 13, 21), [9, 13]);
  const target = tf.tensor2d(randomArray(9 * 7, 22), [9, 7]);
  const loss = (input: tf.Tensor) => tf.sum(tf.square(tf.sub(layer.apply(input), target))) as tf.Scalar;
  const f = () => {
    const vars = layer.weights as tf.Variable[];
    const weights = tf.variableGrads(() => loss(x), vars);
    weights.value.dispose();
    if (!withInput) return weights.grads;
    return { dx: tf.grad((input: tf.Tensor) => loss(input))(x), ...weights.grads };
  };
  const kernels = await kernelsOf(f);
  const grads = f() as tf.NamedTensorMap;
  const values = Object.fromEntries(
    Object.entries(grads).map(([k, t]) => [k.replace(/^.*\//, '').replace(/_\d+$/, ''), t.dataSync() as Float32Array]),
  );
  const forward = layer.apply(x);
  values.forward = forward.dataSync() as Float32Array;
  tf.dispose([grads, forward, x, target]);
  layer.dispose();
  return { values, kernels, leaked: tf.memory().numTensors - before };
}

describe("Dense with 'LabDenseBackward'", () => {
  const cases: DenseCase[] = [
    { activation: 'relu', useBias: true },
    { activation: 'relu', useBias: false },
    { activation: 'linear', useBias: true },
    { activation: 'linear', useBias: false },
  ];
  for (const c of cases) {
    it(`${c.activation}, ${c.useBias ? 'with' : 'without'} bias: cpu's gradients, one fused call, dx only when asked`, async () => {
      for (const withInput of [false, true]) {
        const cpu = await denseGrads('cpu', c, withInput);
        const native = await denseGrads('native', c, withInput);
        expect(Object.keys(native.values).sort()).toEqual(Object.keys(cpu.values).sort());
        for (const [what, want] of Object.entries(cpu.values)) expectClose(native.values[what]!, want, 1e-5, what);
        expect(cpu.kernels.some((k) => k.name === denseBackward.name)).toBe(false);
        const fused = native.kernels.filter((k) => k.name === denseBackward.name);
        // variableGrads: one call for the weights, without dx; tf.grad with respect to x: one call
        // with dx (whose weight gradients go unused).
        const outputs = (dx: boolean) => 1 + (c.useBias ? 1 : 0) + (dx ? 1 : 0);
        expect(fused.map((k) => k.outputs)).toEqual(withInput ? [outputs(false), outputs(true)] : [outputs(false)]);
        expect([cpu.leaked, native.leaked]).toEqual([0, 0]);
      }
    });
  }
});

describe('two Dense layers with LabDenseBackward', () => {
  it("give cpu's gradients with one fused call per layer: dx only for the second", async () => {
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const before = tf.memory().numTensors;
      const layers = [new Dense({ units: 11, activation: 'relu' }), new Dense({ units: 4 })];
      layers[0]!.build([13], 7);
      layers[1]!.build([11], 9);
      const x = tf.tensor2d(randomArray(9 * 13, 31), [9, 13]);
      const f = () => {
        const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(layers[1]!.apply(layers[0]!.apply(x)))) as tf.Scalar);
        value.dispose();
        return grads;
      };
      const kernels = await kernelsOf(f);
      const grads = f();
      const values = Object.values(grads).map((t) => t.dataSync() as Float32Array);
      tf.dispose([grads, x]);
      for (const layer of layers) layer.dispose();
      return { values, kernels, leaked: tf.memory().numTensors - before };
    };
    const cpu = await run('cpu');
    const native = await run('native');
    expect(native.values).toHaveLength(4);
    for (const [i, want] of cpu.values.entries()) expectClose(native.values[i]!, want, 1e-5, `gradient ${i}`);
    const fused = native.kernels.filter((k) => k.name === denseBackward.name);
    expect(fused.map((k) => k.outputs)).toEqual([3, 2]);
    expect([cpu.leaked, native.leaked]).toEqual([0, 0]);
  });
});
