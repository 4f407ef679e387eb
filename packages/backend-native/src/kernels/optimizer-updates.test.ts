import { adamUpdate, momentumUpdate, sgdUpdate } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomArray } from '../test/reference.js';
import { runKernel } from '../test/run-kernel.js';

const shape = [37, 3];
const size = 111;

function close(got: tf.Tensor, want: ArrayLike<number>, tolerance = 1e-6): void {
  const values = got.dataSync();
  expect(values.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(values[i]! - want[i]!)).toBeLessThan(tolerance * Math.max(1, Math.abs(want[i]!)));
}

describe(adamUpdate.name, () => {
  it("matches Adam's rule in float64, with and without param, and AdamW's decay", () => {
    const [g, m, v, p] = [randomArray(size, 1), randomArray(size, 2), randomArray(size, 3).map(Math.abs), randomArray(size, 4)];
    const [beta1, beta2, epsilon, count, lr, weightDecay] = [0.9, 0.999, 1e-7, 3, 0.01, 0.05];
    for (const withParam of [false, true]) {
      const decay = withParam ? weightDecay : 0;
      const before = tf.memory().numTensors;
      const inputs: tf.NamedTensorMap = { grad: tf.tensor(g, shape), m: tf.tensor(m, shape), v: tf.tensor(v, shape) };
      if (withParam) inputs.param = tf.tensor(p, shape);
      const outs = runKernel(adamUpdate.name, inputs, { beta1, beta2, epsilon, count, scale: -lr, weightDecay: decay });
      const mWant = g.map((gi, i) => beta1 * m[i]! + (1 - beta1) * gi);
      const vWant = g.map((gi, i) => beta2 * v[i]! + (1 - beta2) * gi * gi);
      const out = Array.from(g, (_, i) => {
        const mHat = mWant[i]! / (1 - beta1 ** count);
        const vHat = vWant[i]! / (1 - beta2 ** count);
        const u = -lr * (mHat / (Math.sqrt(vHat) + epsilon) + decay * p[i]!);
        return withParam ? p[i]! + u : u;
      });
      close(outs[0]!, out, 1e-5);
      close(outs[1]!, mWant);
      close(outs[2]!, vWant);
      expect(outs.map((t) => t.shape)).toEqual([shape, shape, shape]);
      tf.dispose([...outs, ...Object.values(inputs)]);
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('names the input at fault', () => {
    const a = tf.zeros([2]);
    const b = tf.zeros([3]);
    expect(() => runKernel(adamUpdate.name, { grad: a, m: b, v: a }, { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, count: 1, scale: 1 })).toThrow(/'m' has shape \[3\]/);
    expect(() => runKernel(adamUpdate.name, { grad: a, m: a, v: a }, { beta1: 0.9, beta2: 0.999, epsilon: 1e-7, count: 1, scale: 1, weightDecay: 0.1 })).toThrow(/needs the 'param' input/);
    tf.dispose([a, b]);
  });
});

describe(momentumUpdate.name, () => {
  it("matches optax's trace, plain and Nesterov", () => {
    const [g, t, p] = [randomArray(size, 5), randomArray(size, 6), randomArray(size, 7)];
    for (const nesterov of [false, true]) {
      const inputs = { grad: tf.tensor(g, shape), trace: tf.tensor(t, shape), param: tf.tensor(p, shape) };
      const [out, trace] = runKernel(momentumUpdate.name, inputs, { decay: 0.9, nesterov, scale: -0.1 });
      const tWant = g.map((gi, i) => gi + 0.9 * t[i]!);
      close(trace!, tWant);
      close(
        out!,
        g.map((gi, i) => p[i]! - 0.1 * (nesterov ? gi + 0.9 * tWant[i]! : tWant[i]!)),
      );
      tf.dispose([out!, trace!, ...Object.values(inputs)]);
    }
  });
});

describe(sgdUpdate.name, () => {
  it('adds the scaled gradient to param, or returns it', () => {
    const [g, p] = [randomArray(size, 8), randomArray(size, 9)];
    const [grad, param] = [tf.tensor(g, shape), tf.tensor(p, shape)];
    const [withParam] = runKernel(sgdUpdate.name, { grad, param }, { scale: -0.5 });
    const [alone] = runKernel(sgdUpdate.name, { grad }, { scale: -0.5 });
    close(
      withParam!,
      g.map((gi, i) => p[i]! - 0.5 * gi),
    );
    close(
      alone!,
      g.map((gi) => -0.5 * gi),
    );
    tf.dispose([grad, param, withParam!, alone!]);
  });
});
