import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { modelFromTopology } from './from-topology.js';

describe('modelFromTopology', () => {
  it('builds an untrained model from what tfjs-layers model.toJSON() writes, with the same summary', () => {
    const theirs = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    const before = tf.memory().numTensors;
    const ours = modelFromTopology(theirs.toJSON(null, false), 'arch.json', { seed: 1 });
    expect(ours.countParams()).toBe(theirs.countParams());
    expect(ours.layers.map((l) => l.className)).toEqual(['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    ours.dispose();
    expect(tf.memory().numTensors).toBe(before);
    theirs.dispose();
  });

  it('takes the input shape from the caller when no layer gives one', () => {
    const topology = { class_name: 'Sequential', config: { layers: [{ class_name: 'Flatten', config: {} }, { class_name: 'Dense', config: { units: 10, activation: 'softmax' } }] } };
    const model = modelFromTopology({ modelTopology: topology }, 'arch.json', { inputShape: [28, 28, 1] });
    expect(model.inputShape).toEqual([28, 28, 1]);
    expect(model.countParams()).toBe(7850);
    model.dispose();
  });

  it('names the file, the layer and the problem', () => {
    const layers = (extra: object[]) => ({ class_name: 'Sequential', config: { layers: [{ class_name: 'Conv2D', config: { name: 'c1', filters: 4, kernel_size: 3, batch_input_shape: [null, 28, 28, 1] } }, ...extra] } });
    expect(() => modelFromTopology([1, 2], 'a.json')).toThrow(/a.json: expected a Keras model topology object/);
    expect(() => modelFromTopology(layers([{ class_name: 'LSTM', config: { name: 'l' } }]), 'a.json')).toThrow(/a.json: layer 'l' has class 'LSTM', which lab cannot load \(supported: InputLayer, Flatten, Dense, Conv2D/);
    expect(() => modelFromTopology(layers([{ class_name: 'Conv2D', config: { name: 'c2', filters: 4, kernel_size: 30 } }]), 'a.json')).toThrow(/a.json: c2: a window of 30×30 does not fit a 26×26 input/);
    expect(() => modelFromTopology(layers([{ class_name: 'Dense', config: { name: 'd', units: 4, activation: 'mish' } }]), 'a.json')).toThrow(/a.json: layer 'd': unknown activation 'mish'/);
  });
});
