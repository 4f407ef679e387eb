import '@lab/core/register-gradients';
import { Random } from '@lab/core';
import { expectAllClose, expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';

// Training through tf ops and tfjs's autodiff on 'wasm' gives tfjs-cpu's numbers: the kernels
// this package adds or replaces, and every stock kernel a Keras-style convnet's step runs.

function seeded(random: Random, shape: number[], scale = 1): tf.Tensor {
  return tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (random.next() * 2 - 1) * scale), shape);
}

type Op = (x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, g: tf.Tensor1D) => tf.Tensor;

// x [2, 7, 7, 3], w [3, 3, 3, 4], b [4], g [3]: each op's value and gradients (variableGrads).
const ops: Record<string, Op> = {
  'conv2d stride 1 valid': (x, w) => tf.conv2d(x, w, 1, 'valid'),
  'conv2d stride 2 same': (x, w) => tf.conv2d(x, w, 2, 'same'),
  'conv2d stride 2, pad 1': (x, w) => tf.conv2d(x, w, 2, 1),
  'conv2d strides [1, 2] same': (x, w) => tf.conv2d(x, w, [1, 2], 'same'),
  'conv2d explicit pad': (x, w) => tf.conv2d(x, w, 1, [[0, 0], [1, 2], [2, 0], [0, 0]]),
  'fused conv2d + bias + relu': (x, w, b) => tf.fused.conv2d({ x, filter: w, strides: 1, pad: 'same', bias: b, activation: 'relu' }),
  'fused conv2d + bias, linear': (x, w, b) => tf.fused.conv2d({ x, filter: w, strides: 2, pad: 'valid', bias: b }),
  'maxPool 2 valid': (x) => tf.maxPool(x, 2, 2, 'valid'),
  'maxPool 3/2 same': (x) => tf.maxPool(x, 3, 2, 'same'),
  'avgPool 2 same': (x) => tf.avgPool(x, 2, 2, 'same'),
  'avgPool 3/1 valid': (x) => tf.avgPool(x, 3, 1, 'valid'),
  'global average pooling': (x) => tf.mean(x, [1, 2]),
  'batch norm by hand': (x, _w, b, g) => {
    const { mean, variance } = tf.moments(x, [0, 1, 2], true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-3))), g), tf.slice(b, [0], [3]));
  },
  'tf.batchNorm': (x, _w, b, g) => {
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    return tf.batchNorm(x, mean, variance, tf.slice(b, [0], [3]), g, 1e-3);
  },
  'dropout mask': (x) => tf.div(tf.mul(x, tf.cast(tf.greater(tf.randomUniform(x.shape, 0, 1, 'float32', 1), 0.5), 'float32')), 0.5),
  elu: (x) => tf.elu(x),
  leakyRelu: (x) => tf.leakyRelu(x, 0.2),
  softplus: (x) => tf.softplus(x),
  'gelu (erf)': (x) => tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.div(x, Math.SQRT2)), 1)),
  'gelu (tanh)': (x) => tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), Math.sqrt(2 / Math.PI))), 1)),
  swish: (x) => tf.mul(x, tf.sigmoid(x)),
  'reshape + dense': (x, w) => tf.matMul(tf.reshape(x, [2, -1]), tf.slice(tf.tile(tf.reshape(w, [-1, 1]), [2, 1]), [0, 0], [147, 1])),
  'depthwise conv2d': (x, w) => tf.depthwiseConv2d(x, tf.slice(w, [0, 0, 0, 0], [3, 3, 3, 2]), 2, 'same'),
  'separable conv2d': (x, w, b) => tf.separableConv2d(x, tf.slice(w, [0, 0, 0, 0], [3, 3, 3, 1]), tf.reshape(tf.concat([b, b, b]), [1, 1, 3, 4]), 1, 'valid'),
};

async function gradsOn(backend: string, op: Op): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const random = new Random(5);
  const vars = [seeded(random, [2, 7, 7, 3]), seeded(random, [3, 3, 3, 4], 0.5), seeded(random, [4]), seeded(random, [3])].map((t) => {
    const v = tf.variable(t);
    t.dispose();
    return v;
  });
  const [x, w, b, g] = vars as [tf.Variable<tf.Rank.R4>, tf.Variable<tf.Rank.R4>, tf.Variable<tf.Rank.R1>, tf.Variable<tf.Rank.R1>];
  const out: Float32Array[] = [];
  expectNoLeak(() => {
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(op(x, w, b, g))), vars);
    out.push(value.dataSync() as Float32Array, ...vars.map((v) => (grads[v.name]?.dataSync() as Float32Array | undefined) ?? new Float32Array()));
    return [value, ...Object.values(grads)];
  });
  tf.dispose(vars);
  return out;
}

describe('training on wasm', () => {
  for (const [name, op] of Object.entries(ops)) {
    it(`differentiates ${name} as tfjs-cpu does, leaving no tensor behind`, async () => {
      const cpu = await gradsOn('cpu', op);
      const wasm = await gradsOn('wasm', op);
      await tf.setBackend('wasm');
      expect(wasm.length).toBe(cpu.length);
      cpu.forEach((want, i) => {
        const scale = Math.max(1, ...Array.from(want, Math.abs));
        expectAllClose(wasm[i]!, want, { abs: 2e-5 * scale, rel: 2e-5, message: `${name}, ${i === 0 ? 'value' : `gradient ${i}`}` });
      });
    });
  }

  it('trains a tiny convnet (conv→relu→maxpool→conv→avgpool→dense, SGD) along tfjs-cpu’s loss trajectory', async () => {
    const run = async (backend: string) => {
      await tf.setBackend(backend);
      const random = new Random(9);
      const make = (shape: number[], scale: number) => {
        const t = seeded(random, shape, scale);
        const v = tf.variable(t);
        t.dispose();
        return v;
      };
      const vars = [make([3, 3, 1, 6], 0.5), make([6], 0.1), make([3, 3, 6, 8], 0.3), make([8], 0.1), make([8, 3], 0.5), make([3], 0.1)];
      const [w1, b1, w2, b2, w3, b3] = vars as [tf.Variable<tf.Rank.R4>, tf.Variable<tf.Rank.R1>, tf.Variable<tf.Rank.R4>, tf.Variable<tf.Rank.R1>, tf.Variable<tf.Rank.R2>, tf.Variable<tf.Rank.R1>];
      const x = seeded(random, [5, 11, 11, 1]) as tf.Tensor4D;
      const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 1, 0], 'int32'), 3);
      const before = tf.memory().numTensors;
      const losses: number[] = [];
      for (let step = 0; step < 6; step++) {
        tf.tidy(() => {
          const { value, grads } = tf.variableGrads(() => {
            let h: tf.Tensor4D = tf.relu(tf.add(tf.conv2d(x, w1, 1, 'same'), b1)) as tf.Tensor4D;
            h = tf.maxPool(h, 2, 2, 'valid');
            h = tf.fused.conv2d({ x: h, filter: w2, strides: 1, pad: 'valid', bias: b2, activation: 'relu' });
            const pooled = tf.reshape(tf.avgPool(h, 3, 3, 'valid'), [5, 8]);
            const logits = tf.add(tf.matMul(pooled, w3), b3);
            // Cross-entropy from logits (tf.losses' customGrad trips tfjs-cpu's own leak check under IS_TEST).
            return tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.sub(logits, tf.logSumExp(logits, 1, true))), 1))) as tf.Scalar;
          }, vars);
          losses.push(value.dataSync()[0]!);
          for (const v of vars) v.assign(tf.sub(v, tf.mul(grads[v.name]!, 0.5)));
        });
        expect(tf.memory().numTensors, `tensors after step ${step} on ${backend}`).toBe(before);
      }
      const params = vars.map((v) => v.dataSync() as Float32Array);
      tf.dispose([...vars, x, labels]);
      return { losses, params };
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    await tf.setBackend('wasm');
    expect(cpu.losses[5]!).toBeLessThan(cpu.losses[0]!);
    expectAllClose(wasm.losses, cpu.losses, { abs: 1e-5, rel: 1e-4, message: 'loss trajectory' });
    cpu.params.forEach((want, i) => {
      expectAllClose(wasm.params[i]!, want, { abs: 1e-4, rel: 1e-3, message: `parameter ${i} after training` });
    });
  });
});
