import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createLessonModel } from '../lesson-model.js';
import { LESSON_CONFIG, makeOptimizer } from './training-config.js';
import { type BatchProgress, TrainingRun } from './training-run.js';

/** `count` random 28 × 28 digits with labels 0–9, seeded by a tiny LCG so runs repeat. */
function tinyData(count: number) {
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const images = Uint8Array.from({ length: count * 784 }, () => next() % 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { images, labels, count, rows: 28, cols: 28 };
}

describe('TrainingRun', () => {
  it('reports batches and epochs, pauses, resumes and stops at a batch boundary, leaking nothing', async () => {
    const config = { ...LESSON_CONFIG, epochs: 50, batchSize: 10, validationSplit: 0.2 };
    const model = createLessonModel({ hiddenUnits: 8, optimizer: makeOptimizer(config) });
    const before = tf.memory().numTensors;
    const batches: BatchProgress[] = [];
    const epochs: number[] = [];
    let paused: (() => void) | undefined;
    const run = new TrainingRun(model, tinyData(50), config, {
      onBatch: (p) => batches.push(p),
      onPaused: () => paused?.(),
      onEpoch: (epoch, logs) => {
        epochs.push(epoch);
        expect(Object.keys(logs)).toEqual(expect.arrayContaining(['loss', 'accuracy', 'val_loss', 'val_accuracy']));
      },
    });
    expect(run.sizes).toEqual({ train: 40, validation: 10 });
    run.pause();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run.state).toBe('paused');
    const seen = batches.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(batches.length).toBe(seen); // nothing moves while paused
    // Step: exactly one batch (40 images at batch 10: a quarter epoch), its loss read, then paused again.
    const positionBefore = batches[batches.length - 1]?.position ?? 0;
    const stepped = new Promise<void>((resolve) => {
      paused = resolve;
    });
    run.step();
    await stepped;
    expect(run.state).toBe('paused');
    expect(batches.length).toBe(seen + 1);
    expect(batches[batches.length - 1]!.position).toBeCloseTo(positionBefore + 0.25, 10);
    run.resume();
    while (epochs.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    run.stop();
    const history = await run.finished;
    expect(run.state).toBe('finished');
    expect(history.epoch.length).toBeLessThan(50);
    expect(batches[batches.length - 1]!.position).toBeLessThanOrEqual(history.epoch.length + 1);
    expect(batches.every((b) => Number.isFinite(b.loss) && b.accuracy >= 0 && b.accuracy <= 1)).toBe(true);
    // The run's inputs are gone; disposing the model frees its 4 weights (and any optimizer state).
    const weights = model.trainableWeights.length;
    model.dispose();
    expect(tf.memory().numTensors).toBe(before - weights);
  });
});
