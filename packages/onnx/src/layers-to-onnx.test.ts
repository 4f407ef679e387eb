import { AveragePooling2D, BatchNormalization, Conv2D, Dense, Dropout, Flatten, GlobalAveragePooling2D, type Layer, MaxPooling2D, mnistCnn, mnistMlp, Reshape, Sequential } from '@lab/models';
import { expectNoLeak } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { checkOnnxModel } from './check-onnx.js';
import { maxAbsDiff, runOnnx } from './test/ort.js';
import { toOnnx } from './to-onnx.js';

// Reference: lab's own predict on the cpu backend (itself checked against PyTorch and Keras in
// @lab/models); ONNX Runtime 1.30 (onnxruntime-node, CPU) runs the exported file.
async function compare(model: Sequential, samples: number, seed = 1): Promise<number> {
  const shape = model.inputShape!;
  const x = tf.randomUniform([samples, ...shape], -1, 1, 'float32', seed);
  const expected = model.predict(x);
  const want = (await expected.data()) as Float32Array;
  const input = (await x.data()) as Float32Array;
  tf.dispose([x, expected]);
  const { bytes, outputs } = await toOnnx(model);
  checkOnnxModel(bytes);
  const got = await runOnnx(bytes, { input: { data: input, dims: [samples, ...shape] } });
  const out = got[outputs[0]!.name]!;
  expect(out.dims).toEqual([samples, ...model.layers.reduce((s, l) => l.outputShape(s), shape)]);
  return maxAbsDiff(out.data as Float32Array, want);
}

function built(layers: Layer[], inputShape: number[], seed = 7): Sequential {
  const model = new Sequential(layers, { seed });
  model.build(inputShape);
  return model;
}

/** Non-trivial batch-norm statistics, so that inference uses them. */
function randomizeNonTrainable(model: Sequential): void {
  for (const layer of model.layers) {
    layer.nonTrainableWeights.forEach((w, i) => {
      const v = i === 0 ? tf.randomNormal(w.shape, 0, 0.5, 'float32', 3) : tf.randomUniform(w.shape, 0.5, 2, 'float32', 4);
      w.assign(v);
      v.dispose();
    });
    layer.weights.forEach((w, i) => {
      if (layer instanceof BatchNormalization) {
        const v = tf.randomUniform(w.shape, 0.5, 1.5, 'float32', 5 + i);
        w.assign(v);
        v.dispose();
      }
    });
  }
}

describe('toOnnx: layers in ONNX Runtime equal lab predict', () => {
  it("the lesson's MLP", async () => {
    const model = mnistMlp({ seed: 1 });
    model.build([28, 28, 1]);
    expect(await compare(model, 17)).toBeLessThan(1e-6);
    model.dispose();
  });

  it('the Keras MNIST convnet', async () => {
    const model = mnistCnn({ seed: 2 });
    model.build([28, 28, 1]);
    expect(await compare(model, 5)).toBeLessThan(1e-6);
    model.dispose();
  });

  const activations = ['relu', 'sigmoid', 'tanh', 'elu', 'leakyRelu', 'gelu', 'softplus', 'swish', 'linear'] as const;
  for (const activation of activations) {
    it(`Dense and Conv2D with ${activation}`, async () => {
      const model = built([new Conv2D({ filters: 3, kernelSize: 2, activation }), new Flatten(), new Dense({ units: 4, activation })], [5, 6, 2]);
      expect(await compare(model, 3)).toBeLessThan(1e-5);
      model.dispose();
    });
  }

  for (const padding of ['valid', 'same'] as const) {
    for (const [strides, dilationRate] of [
      [1, 1],
      [2, 1],
      [[1, 2], 1],
      [1, 2],
    ] as const) {
      it(`Conv2D 3×2 kernel, padding ${padding}, strides ${JSON.stringify(strides)}, dilation ${dilationRate}, odd sizes`, async () => {
        const model = built([new Conv2D({ filters: 4, kernelSize: [3, 2], strides: strides as number | [number, number], dilationRate, padding, useBias: strides !== 2 }), new Flatten()], [9, 7, 3]);
        expect(await compare(model, 2)).toBeLessThan(1e-5);
        model.dispose();
      });
    }
    it(`max and average pooling, padding ${padding}, odd sizes and strides`, async () => {
      const model = built([new MaxPooling2D({ poolSize: 3, strides: 2, padding }), new AveragePooling2D({ poolSize: [2, 3], strides: [1, 2], padding }), new Flatten()], [9, 8, 2]);
      expect(await compare(model, 3)).toBeLessThan(1e-6);
      model.dispose();
    });
  }

  it('batch norm on images and on features, dropout, reshape, global average pooling, softmax on channels', async () => {
    const model = built(
      [
        new Reshape({ targetShape: [6, 5, 2], inputShape: [60] }),
        new BatchNormalization({ epsilon: 0.01 }),
        new Conv2D({ filters: 3, kernelSize: 3, padding: 'same', activation: 'softmax' }),
        new Dropout({ rate: 0.5 }),
        new GlobalAveragePooling2D(),
        new BatchNormalization({ center: false }),
        new Dense({ units: 3, activation: 'softmax' }),
      ],
      [60],
    );
    randomizeNonTrainable(model);
    expect(await compare(model, 4)).toBeLessThan(1e-6);
    model.dispose();
  });

  it('Dense on images (the last axis), then Flatten', async () => {
    const model = built([new Dense({ units: 3, activation: 'relu' }), new Flatten(), new Dense({ units: 2 })], [4, 3, 2]);
    expect(await compare(model, 2)).toBeLessThan(1e-5);
    model.dispose();
  });

  it('leaves no tensor behind, and an unbuilt model is an error', async () => {
    const model = mnistMlp({ seed: 3 });
    model.build([28, 28, 1]);
    await expectNoLeak(async () => {
      await toOnnx(model);
    });
    model.dispose();
    const unbuilt = new Sequential([new Dense({ units: 2 })]);
    await expect(toOnnx(unbuilt)).rejects.toThrow(/not built/);
  });
});
