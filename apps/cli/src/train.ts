import { loadMnist } from '@lab/data/node';
import { Dense, Flatten, Sequential } from '@lab/models';
import { adam } from '@lab/optim';
import { scalePixels, toCategorical } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import { type BackendChoice, selectBackend } from './backend.js';
import { downloadProgress } from './download-progress.js';
import { progressCallback } from './progress.js';

/** Options of `lab train` (the CLI flags, parsed). */
export interface TrainOptions {
  data?: string;
  epochs: number;
  batchSize: number;
  learningRate: number;
  hidden: number;
  seed: number;
  backend: BackendChoice;
  validationSplit: number;
  limit?: number;
  json: boolean;
}

/** The summary `lab train --json` prints as its last line. */
export interface TrainResult {
  test_accuracy: number;
  test_loss: number;
  train_seconds: number;
  samples_per_second: number;
  backend: string;
  backend_reason: string;
  epochs: number;
  batch_size: number;
  learning_rate: number;
  hidden_units: number;
  seed: number;
  train_samples: number;
  test_samples: number;
  data_source: string;
  history: Record<string, number[]>;
}

/**
 * The lesson's program: Flatten → Dense(hidden, relu) → Dense(10, softmax) trained with Adam on
 * categorical cross-entropy, then evaluated on the MNIST test set. Human-readable lines go to
 * `log`; the result is returned for `--json`.
 */
export async function runTrain(options: TrainOptions, log: NodeJS.WriteStream): Promise<TrainResult> {
  const backend = await selectBackend(options.backend);
  log.write(`Backend: ${backend.reason}\n`);
  const mnist = await loadMnist({ dataDir: options.data, onProgress: downloadProgress(log) });
  log.write(`Data: MNIST from ${mnist.source.kind} (${mnist.source.location})\n`);
  const n = Math.min(options.limit ?? mnist.train.count, mnist.train.count);
  const pixels = 28 * 28;
  const xTrain = scalePixels(mnist.train.images.subarray(0, n * pixels), { shape: [n, 28, 28, 1] });
  const yTrain = toCategorical(mnist.train.labels.subarray(0, n), 10);
  const xTest = scalePixels(mnist.test.images, { shape: [mnist.test.count, 28, 28, 1] });
  const yTest = toCategorical(mnist.test.labels, 10);
  const model = new Sequential(
    [
      new Flatten({ inputShape: [28, 28, 1] }),
      new Dense({ units: options.hidden, activation: 'relu' }),
      new Dense({ units: 10, activation: 'softmax' }),
    ],
    { seed: options.seed },
  );
  try {
    model.compile({ optimizer: adam({ learningRate: options.learningRate }), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    log.write(`${model.summary()}\n`);
    log.write(`Training on ${n} samples for ${options.epochs} epochs, batch size ${options.batchSize}\n`);
    const started = performance.now();
    const history = await model.fit(xTrain, yTrain, {
      epochs: options.epochs,
      batchSize: options.batchSize,
      seed: options.seed,
      validationSplit: options.validationSplit,
      callbacks: [progressCallback(log, options.epochs)],
    });
    const trainSeconds = (performance.now() - started) / 1000;
    const test = await model.evaluate(xTest, yTest, { batchSize: 256 });
    const trained = n * (1 - options.validationSplit);
    log.write(`Test loss: ${test.loss!.toFixed(4)}\nTest accuracy: ${test.accuracy!.toFixed(4)}\n`);
    return {
      test_accuracy: test.accuracy!,
      test_loss: test.loss!,
      train_seconds: trainSeconds,
      samples_per_second: (Math.floor(trained) * history.epoch.length) / trainSeconds,
      backend: backend.name,
      backend_reason: backend.reason,
      epochs: history.epoch.length,
      batch_size: options.batchSize,
      learning_rate: options.learningRate,
      hidden_units: options.hidden,
      seed: options.seed,
      train_samples: Math.floor(trained),
      test_samples: mnist.test.count,
      data_source: `${mnist.source.kind}:${mnist.source.location}`,
      history: history.history,
    };
  } finally {
    model.dispose();
    tf.dispose([xTrain, yTrain, xTest, yTest]);
  }
}
