import { expectAllClose } from '@lab/testing';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { adam } from './adam.js';
import { LayersOptimizer } from './layers-optimizer.js';
import { sgd } from './sgd.js';

/** A small dense model with fixed initial weights, so that two copies start equal. */
function model(): tfl.Sequential {
  const m = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [3], units: 4, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }),
      tfl.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  return m;
}

async function fitWith(optimizer: tf.Optimizer): Promise<number[][]> {
  const m = model();
  m.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const x = tf.tensor2d([[0.1, 0.2, 0.3], [1, -1, 0.5], [0.3, 0.3, -0.2], [-0.5, 0.8, 0.1]]);
  const y = tf.tensor2d([[1, 0], [0, 1], [1, 0], [0, 1]]);
  await m.fit(x, y, { epochs: 5, batchSize: 2, shuffle: false, verbose: 0 });
  const weights = m.getWeights().map((w) => Array.from(w.dataSync()));
  tf.dispose([x, y]);
  m.dispose();
  return weights;
}

describe('LayersOptimizer', () => {
  it("trains a tfjs-layers model exactly as tfjs's own SGD and Adam do", async () => {
    const pairs: [tf.Optimizer, tf.Optimizer][] = [
      [new LayersOptimizer(sgd({ learningRate: 0.1 })), tf.train.sgd(0.1)],
      [new LayersOptimizer(adam({ learningRate: 0.01 })), tf.train.adam(0.01)],
    ];
    for (const [ours, theirs] of pairs) {
      const [a, b] = [await fitWith(ours), await fitWith(theirs)];
      a.forEach((w, i) => {
        expectAllClose(w, b[i] ?? [], { abs: 1e-6, rel: 1e-5 });
      });
      // tfjs-layers does not dispose an optimizer given as an object.
      ours.dispose();
      theirs.dispose();
    }
  });

  it('keeps its state between updates, reports its learning rate, and frees it on dispose', () => {
    const optimizer = new LayersOptimizer(sgd({ learningRate: 0.5, momentum: 0.5 }));
    const v = tf.variable(tf.tensor1d([1, 2]), true, 'lab-layers-optimizer-test');
    const grads = { [v.name]: tf.ones([2]) };
    const before = tf.memory().numTensors;
    optimizer.applyGradients(grads);
    optimizer.applyGradients([{ name: v.name, tensor: grads[v.name] as tf.Tensor }]);
    // Momentum traces 1 then 1.5: v = [1, 2] - 0.5 * 1 - 0.5 * 1.5.
    expectAllClose(v.dataSync(), [-0.25, 0.75]);
    expect(optimizer.iterations).toBe(2);
    expect(optimizer.learningRate).toBe(0.5);
    expect(tf.memory().numTensors).toBe(before + 1); // the trace
    optimizer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => optimizer.applyGradients({ 'no-such-variable': grads[v.name] as tf.Tensor })).toThrow(
      'LayersOptimizer: got a gradient for "no-such-variable", which is not a registered tfjs variable',
    );
    tf.dispose([v, grads]);
  });
});
