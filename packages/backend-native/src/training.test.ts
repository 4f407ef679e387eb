import { Dense, Flatten, Sequential } from '@lab/models';
import { adam } from '@lab/optim';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { randomArray } from './test/reference.js';

const batchSize = 64;
const steps = 50;

/** The lesson's MLP on seeded noise images with labels from a fixed rule; 50 Adam steps. */
async function train(backend: string, epochs = 1): Promise<{ losses: number[]; numTensors: number[] }> {
  await tf.setBackend(backend);
  const n = batchSize * steps;
  const pixels = randomArray(n * 784, 11).map((v) => (v + 1) / 2);
  const labels = Array.from({ length: n }, (_, i) => Math.floor(((pixels[i * 784 + 100]! + pixels[i * 784 + 400]!) / 2) * 10) % 10);
  const x = tf.tensor4d(pixels, [n, 28, 28, 1]);
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 10), 'float32'));
  const model = new Sequential([new Flatten({ inputShape: [28, 28, 1] }), new Dense({ units: 128, activation: 'relu' }), new Dense({ units: 10, activation: 'softmax' })], { seed: 1 });
  model.compile({ optimizer: adam(), loss: 'categoricalCrossentropy' });
  const losses: number[] = [];
  const numTensors: number[] = [];
  await model.fit(x, y, {
    epochs,
    batchSize,
    seed: 1,
    callbacks: [
      {
        batchLogInterval: 1,
        onBatchEnd: (_step, logs) => {
          losses.push(logs.loss!);
        },
        onEpochEnd: () => {
          numTensors.push(tf.memory().numTensors);
        },
      },
    ],
  });
  model.dispose();
  tf.dispose([x, y]);
  return { losses, numTensors };
}

describe('training the lesson MLP with @lab/models', () => {
  it("gives the cpu backend's losses over 50 Adam steps, to 1e-6", async () => {
    const cpu = await train('cpu');
    const native = await train('native');
    expect(native.losses).toHaveLength(steps);
    // Native runs the fused LabAdamUpdate and LabDenseBackward, which round differently in the last
    // bits of float32 than the cpu backend's composite ops; over 50 steps that stays below 1e-6.
    for (let i = 0; i < steps; i++) expect(Math.abs(native.losses[i]! - cpu.losses[i]!), `step ${i}`).toBeLessThan(1e-6 * Math.max(1, cpu.losses[i]!));
    // The loss fell: it trained.
    expect(native.losses[steps - 1]!).toBeLessThan(native.losses[0]!);
  });

  it('leaks no tensors and holds steady memory over 6 epochs', async () => {
    await tf.setBackend('native');
    const before = tf.memory().numTensors;
    const rssBefore = process.memoryUsage().rss;
    const { numTensors } = await train('native', 6);
    expect(new Set(numTensors).size).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    // Generous: a leak of one batch's activations per step would be 50 × 6 × 64 × 128 × 4 B ≈ 10 MB per tensor kind.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 2 ** 20);
  });
});
