import type { Logs, Sequential } from '@lab/models';
import { TablePreprocessing } from '@lab/preprocess';
import * as tf from '@tensorflow/tfjs-core';
import { yieldToPage } from '../train/yield-to-page.js';
import type { TableTrainingConfig } from './table-config.js';
import { createTableModel } from './table-model.js';
import { scoreTable, type TableScores } from './table-scores.js';
import type { TableSplit } from './table-split.js';

/** A trained table model with everything needed to predict raw rows and to save it as the CLI does. */
export interface TrainedTable {
  /** The caller disposes it. */
  model: Sequential;
  /** Fitted on the training rows only; its `toJSON()` is `preprocessing.json`. */
  pre: TablePreprocessing;
  /** On the held-out test rows. */
  scores: TableScores;
  /** Per-epoch logs (loss, and accuracy for classification). */
  epochs: Logs[];
}

/** What a run reports as it goes. */
export interface TableTrainingEvents {
  onEpoch?(epoch: number, logs: Logs): void;
  /** Called between batches; return true to stop after this batch. */
  shouldStop?(): boolean;
}

// The page gets the thread back at least this often.
const YIELD_EVERY_MS = 25;

/**
 * Trains the table MLP as `lab train --data FILE --target COL` does on a split: the column
 * transformer and the target fitted on the training rows only (mean imputation, standard
 * scaling, one-hot categories; `ignored` kept as known columns), the seeded network, `fit` with
 * the seed, then scored on the test rows. Every tensor but the returned model's is disposed,
 * also when it throws.
 */
export async function trainTable(split: TableSplit, ignored: readonly string[], config: TableTrainingConfig, events: TableTrainingEvents = {}): Promise<TrainedTable> {
  const pre = TablePreprocessing.fit(split.train.features, split.targetName, split.train.target, split.task, { impute: 'mean', scale: 'standard', ignored });
  const x = pre.transform(split.train.features);
  const encoded = pre.target.encode(split.train.target);
  const tensors: tf.Tensor[] = [x];
  let model: Sequential | undefined;
  try {
    const y = tf.tidy(() =>
      split.task === 'classification' ? tf.cast(tf.oneHot(tf.tensor1d(encoded, 'int32'), pre.target.outputs), 'float32') : tf.tensor2d(encoded, [encoded.length, 1]),
    );
    tensors.push(y);
    model = createTableModel({ inputs: pre.featureNames.length, outputs: pre.target.outputs, task: split.task, hiddenUnits: config.hiddenUnits, learningRate: config.learningRate, seed: config.seed });
    const trained = model;
    const epochs: Logs[] = [];
    let lastYield = performance.now();
    await trained.fit(x, y, {
      epochs: config.epochs,
      batchSize: config.batchSize,
      seed: config.seed,
      callbacks: [
        {
          onBatchEnd: async () => {
            if (events.shouldStop?.()) trained.stopTraining = true;
            if (performance.now() - lastYield > YIELD_EVERY_MS) {
              await yieldToPage();
              lastYield = performance.now();
            }
          },
          onEpochEnd: (epoch, logs) => {
            epochs.push({ ...logs });
            events.onEpoch?.(epoch, logs);
          },
        },
      ],
    });
    const testX = pre.transform(split.test.features);
    tensors.push(testX);
    const scores = await scoreTable(trained, pre, testX, split.test.target);
    return { model: trained, pre, scores, epochs };
  } catch (error) {
    model?.dispose();
    throw error;
  } finally {
    tf.dispose(tensors);
  }
}
