import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import { Sequential } from '../sequential.js';
import { memory } from './handler.js';
import { loadModel } from './load.js';

function model(seed: number): Sequential {
  const m = new Sequential(
    [new Flatten({ inputShape: [4, 4, 1] }), new Dense({ units: 8, activation: 'relu' }), new Dense({ units: 3, activation: 'softmax' })],
    { seed },
  );
  m.build();
  return m;
}

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const d = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const v = (await d.data())[0]!;
  d.dispose();
  return v;
}

describe('save and load (TensorFlow.js Layers format)', () => {
  it('lab → tfjs-layers: loadLayersModel gives the same predictions', async () => {
    const ours = model(1);
    const store = memory();
    await ours.save(store, { labels: ['a', 'b', 'c'] });
    const theirs = await tfl.loadLayersModel(tf.io.fromMemory(store.artifacts!));
    const x = tf.randomUniform([5, 4, 4, 1], 0, 1, 'float32', 3);
    const p1 = ours.predict(x);
    const p2 = theirs.predict(x) as tf.Tensor;
    expect(await maxAbsDiff(p1, p2)).toBeLessThanOrEqual(1e-6);
    expect(store.artifacts!.userDefinedMetadata).toEqual({ lab: { labels: ['a', 'b', 'c'] } });
    tf.dispose([x, p1, p2]);
    ours.dispose();
    theirs.dispose();
  });

  it('tfjs-layers → lab: loadModel gives the same predictions', async () => {
    const theirs = tfl.sequential({
      layers: [tfl.layers.flatten({ inputShape: [4, 4, 1] }), tfl.layers.dense({ units: 6, activation: 'tanh' }), tfl.layers.dense({ units: 2, activation: 'sigmoid' })],
    });
    const store = memory();
    await theirs.save(store);
    const before = tf.memory().numTensors;
    const ours = await loadModel(store);
    expect(tf.memory().numTensors).toBe(before + 4);
    const x = tf.randomUniform([5, 4, 4, 1], 0, 1, 'float32', 4);
    const p1 = ours.predict(x);
    const p2 = theirs.predict(x) as tf.Tensor;
    expect(await maxAbsDiff(p1, p2)).toBeLessThanOrEqual(1e-6);
    expect(ours.summary()).toContain('(None, 2)');
    tf.dispose([x, p1, p2]);
    ours.dispose();
    theirs.dispose();
  });

  it('round-trips metadata and keeps no tensors behind', async () => {
    const ours = model(2);
    const store = memory();
    const before = tf.memory().numTensors;
    await ours.save(store, { labels: ['x', 'y', 'z'], preprocessing: { scale: 255 } });
    expect(tf.memory().numTensors).toBe(before);
    const loaded = await loadModel(store);
    expect(loaded.metadata).toEqual({ labels: ['x', 'y', 'z'], preprocessing: { scale: 255 } });
    ours.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before - 4);
  });

  it('names the layer and weight at fault for unknown layers and wrong shapes', async () => {
    const store = memory();
    const ours = model(3);
    await ours.save(store);
    ours.dispose();
    const artifacts = store.artifacts!;
    const topology = artifacts.modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    const conv = structuredClone(topology);
    conv.config.layers[1]!.class_name = 'LSTM';
    await expect(loadModel(memory_of({ ...artifacts, modelTopology: conv }))).rejects.toThrow(
      /layer 'dense(_\d+)?' has class 'LSTM', which lab cannot load/,
    );
    const wide = structuredClone(topology);
    wide.config.layers[1]!.config.units = 9;
    const before = tf.memory().numTensors;
    await expect(loadModel(memory_of({ ...artifacts, modelTopology: wide }))).rejects.toThrow(
      /weight kernel has shape \[16, 8\] in the file .* but the layer needs \[16, 9\]/,
    );
    expect(tf.memory().numTensors).toBe(before);
    await expect(loadModel('nowhere://model')).rejects.toThrow(/no load handler for 'nowhere:\/\/model'/);
  });
});

function memory_of(artifacts: tf.io.ModelArtifacts): tf.io.IOHandler {
  return { load: async () => artifacts };
}
