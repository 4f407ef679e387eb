// Convnets in the TensorFlow.js Layers format: a lab convnet (every image layer, batch norm with
// trained moving statistics) loads in stock @tensorflow/tfjs-layers 4.22 and predicts the same
// probabilities, and a tfjs-layers convnet loads in lab and predicts the same.
import '@lab/core/register-gradients';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { BatchNormalization } from '../layers/batch-normalization.js';
import { Conv2D } from '../layers/conv2d.js';
import { Dense } from '../layers/dense.js';
import { Dropout } from '../layers/dropout.js';
import { AveragePooling2D, GlobalAveragePooling2D, MaxPooling2D } from '../layers/pooling-2d.js';
import { Reshape } from '../layers/reshape.js';
import { Sequential } from '../sequential.js';
import { memory } from './handler.js';
import { loadModel } from './load.js';

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0]!;
  d.dispose();
  return v;
}

function labConvnet(): Sequential {
  return new Sequential(
    [
      new Reshape({ inputShape: [64], targetShape: [8, 8, 1] }),
      new Conv2D({ filters: 4, kernelSize: 3, padding: 'same', activation: 'elu' }),
      new BatchNormalization({ momentum: 0.9 }),
      new MaxPooling2D({ poolSize: 2 }),
      new Conv2D({ filters: 6, kernelSize: [2, 3], strides: [1, 2], activation: 'relu', useBias: false }),
      new AveragePooling2D({ poolSize: 2, padding: 'same' }),
      new Conv2D({ filters: 5, kernelSize: 1, activation: 'swish' }),
      new GlobalAveragePooling2D(),
      new Dropout({ rate: 0.25 }),
      new Dense({ units: 3, activation: 'softmax' }),
    ],
    { seed: 11 },
  );
}

describe('convnets in the TensorFlow.js Layers format', () => {
  it('lab → tfjs-layers: a trained convnet (batch norm statistics included) predicts the same', async () => {
    const ours = labConvnet();
    const x = tf.randomUniform([40, 64], 0, 1, 'float32', 5);
    const y = tf.tidy(() => tf.cast(tf.oneHot(tf.cast(tf.mod(tf.floor(tf.mul(tf.sum(x, 1), 3)), 3), 'int32'), 3), 'float32'));
    ours.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    await ours.fit(x, y, { epochs: 1, batchSize: 8, seed: 2 });
    const store = memory();
    await ours.save(store);
    const theirs = await tfl.loadLayersModel(tf.io.fromMemory(store.artifacts!));
    expect(theirs.layers.map((l) => l.getClassName())).toEqual(['Reshape', 'Conv2D', 'BatchNormalization', 'MaxPooling2D', 'Conv2D', 'AveragePooling2D', 'Conv2D', 'GlobalAveragePooling2D', 'Dropout', 'Dense']);
    const p1 = ours.predict(x);
    const p2 = theirs.predict(x) as tf.Tensor;
    expect(await maxAbsDiff(p1, p2)).toBeLessThanOrEqual(1e-5);
    // And back: lab loads what it saved, moving statistics included.
    const again = await loadModel(store);
    const p3 = again.predict(x);
    expect(await maxAbsDiff(p1, p3)).toBe(0);
    tf.dispose([x, y, p1, p2, p3]);
    ours.dispose();
    theirs.dispose();
    again.dispose();
  });

  it('tfjs-layers → lab: a tfjs-layers convnet loads and predicts the same', async () => {
    const theirs = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [9, 9, 2], filters: 4, kernelSize: 3, activation: 'relu' }),
        tfl.layers.batchNormalization({ epsilon: 1e-3 }),
        tfl.layers.maxPooling2d({ poolSize: 2, strides: 1 }),
        tfl.layers.conv2d({ filters: 3, kernelSize: 3, dilationRate: 2, padding: 'same', activation: 'tanh' }),
        tfl.layers.averagePooling2d({ poolSize: [2, 3] }),
        tfl.layers.flatten(),
        tfl.layers.dropout({ rate: 0.3 }),
        tfl.layers.dense({ units: 4, activation: 'softmax' }),
      ],
    });
    // Non-trivial moving statistics, as after training.
    const bn = theirs.layers[1]!;
    const [gamma, beta, mean, variance] = bn.getWeights();
    bn.setWeights([tf.add(gamma!, 0.5), tf.add(beta!, 0.1), tf.add(mean!, 0.2), tf.add(variance!, 1.5)]);
    const store = memory();
    await theirs.save(store);
    const ours = await loadModel(store);
    const x = tf.randomUniform([6, 9, 9, 2], -1, 1, 'float32', 8);
    const p1 = ours.predict(x);
    const p2 = theirs.predict(x) as tf.Tensor;
    expect(await maxAbsDiff(p1, p2)).toBeLessThanOrEqual(1e-5);
    tf.dispose([x, p1, p2]);
    ours.dispose();
    theirs.dispose();
  });
});
