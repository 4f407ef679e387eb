import * as tf from '@tensorflow/tfjs-core';
import type { Callback, Logs, TrainInfo } from '../callbacks.js';
import type { CompileOptions } from '../compile.js';
import { Dense } from '../layers/dense.js';
import { Flatten } from '../layers/flatten.js';
import { Sequential } from '../sequential.js';
import { blobs } from './data.js';

/** A tiny classifier on `blobs` data ([4, 4, 1] → 3 classes), compiled, with its optimizer state made (a 0-epoch fit). */
export async function tinyModel(compile: Partial<CompileOptions> = {}, seed = 1): Promise<{ model: Sequential; x: tf.Tensor; y: tf.Tensor; dispose(): void }> {
  const { x, y } = blobs(24, 3, seed);
  const model = new Sequential([new Flatten({ inputShape: [4, 4, 1], name: 'flatten' }), new Dense({ units: 3, activation: 'softmax', name: 'dense' })], { seed });
  model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', ...compile });
  await model.fit(x, y, { epochs: 0 });
  return { model, x, y, dispose: () => { model.dispose(); tf.dispose([x, y]); } };
}

const INFO: TrainInfo = { epochs: 0, initialEpoch: 0, stepsPerEpoch: 1, samples: 1, batchSize: 1 };

/**
 * Drives `callback` as `fit` would over epochs whose logs are `logs` (one entry per epoch), without
 * training: setModel, onTrainBegin, then onEpochBegin / onEpochEnd until `model.stopTraining`, then
 * onTrainEnd. Returns the number of epochs run and the learning rate after each.
 */
export async function drive(callback: Callback, model: Sequential, logs: Logs[]): Promise<{ epochs: number; rates: (number | undefined)[] }> {
  model.stopTraining = false;
  callback.setModel?.(model);
  await callback.onTrainBegin?.({ ...INFO, epochs: logs.length });
  const rates: (number | undefined)[] = [];
  let epoch = 0;
  for (; epoch < logs.length && !model.stopTraining; epoch++) {
    await callback.onEpochBegin?.(epoch);
    await callback.onEpochEnd?.(epoch, { ...logs[epoch]! });
    rates.push(model.getLearningRate());
  }
  await callback.onTrainEnd?.({ epoch: [], history: { loss: [] } });
  return { epochs: epoch, rates };
}

/** A callback that writes `values[epoch]` into the logs as `key` (put it before the callback under test). */
export function scripted(key: string, values: number[]): Callback {
  return {
    onEpochEnd: (epoch, logs) => {
      logs[key] = values[epoch]!;
    },
  };
}

/** Logs with `key` taking each of `values` in turn. */
export function series(key: string, values: number[]): Logs[] {
  return values.map((v) => ({ [key]: v }));
}
