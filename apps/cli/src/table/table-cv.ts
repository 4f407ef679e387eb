import path from 'node:path';
import { type CrossValidationResult, crossValidateFolds, kFold, stratifiedKFold } from '@lab/data';
import { f1, precision, recall } from '@lab/metrics';
import type { Sequential } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';
import { buildArchitecture } from '../architecture.js';
import { makeOptimizer } from '../optimizer-options.js';
import type { TableFlags } from './table-options.js';
import { fitTablePreprocessing } from './table-preprocessing.js';
import { scoreTable } from './table-scores.js';
import { takeTableRows } from './table-source.js';
import { readTrainingTable, resolveTask, tableTensors, takeColumn } from './table-training-data.js';

/** What `lab cv` on a table needs. */
export interface TableCvOptions extends TableFlags {
  data?: string;
  folds: number;
  limit?: number;
  epochs: number;
  batchSize: number;
  /** The optimizer, learning rate and schedule (see `makeOptimizer`). */
  optimizer: string;
  learningRate?: number;
  lrSchedule: 'constant' | 'exponential';
  decayRate: number;
  decaySteps: number;
  staircase: boolean;
  validationSplit: number;
  model: string;
  hidden: number;
  seed: number;
}

/** The scores `lab cv` reports per task. */
export const TABLE_CV_SCORES = { classification: ['accuracy', 'precision', 'recall', 'f1'], regression: ['rmse', 'mae', 'r2'] } as const;

/** Class codes for stratifying a classification target. */
function codes(target: ArrayLike<unknown>): Int32Array {
  const labels = [...new Set(Array.from(target, String))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  return Int32Array.from(target, (v) => index.get(String(v))!);
}

/**
 * Cross-validates an MLP (or `--model FILE.json`) on a table: stratified shuffled folds for
 * classification, shuffled k-fold for regression (seeded); in each fold the column transformer
 * and the target are fitted on the fold's training rows only, so nothing of the held-out rows
 * leaks into them. Scores accuracy and macro precision/recall/F1, or RMSE/MAE/R² in the target's
 * units.
 */
export async function runTableCv(options: TableCvOptions, log: NodeJS.WriteStream, onHeader: (names: readonly string[], rows: number, task: 'classification' | 'regression') => string, onFold: (scores: Record<string, number>, fold: { fold: number; trainSize: number; testSize: number; millis: number }) => void): Promise<CrossValidationResult & { task: string; scores: readonly string[]; samples: number }> {
  const split = await readTrainingTable(options, log);
  const task = resolveTask(split, options, log);
  const n = split.target.length;
  const folds = task === 'classification' ? stratifiedKFold(codes(split.target), { k: options.folds, shuffle: true, seed: options.seed }) : kFold(n, { k: options.folds, shuffle: true, seed: options.seed });
  const names = TABLE_CV_SCORES[task];
  // The header's callback chooses the loss, which depends on the task.
  const loss = onHeader(names, n, task);
  const macro = { average: 'macro', zeroDivision: 0 } as const;
  const result = await crossValidateFolds(
    folds,
    async (fold, index): Promise<Record<string, number>> => {
      const trainRows = takeTableRows(split.features, fold.train);
      const testRows = takeTableRows(split.features, fold.test);
      const trainTarget = takeColumn(split.target, fold.train);
      const testTarget = takeColumn(split.target, fold.test);
      const pre = fitTablePreprocessing(trainRows, split.targetName, trainTarget, task, options);
      const train = tableTensors(pre, trainRows, trainTarget);
      const testX = pre.transform(testRows);
      let model: Sequential | undefined;
      try {
        const shape = { inputShape: [pre.featureNames.length], outputs: pre.target.outputs, task, name: path.basename(split.file) };
        model = await buildArchitecture({ ...options, seed: options.seed + index, shape });
        model.compile({ optimizer: makeOptimizer(options), loss });
        await model.fit(train.x, train.y, { epochs: options.epochs, batchSize: options.batchSize, seed: options.seed + index, validationSplit: options.validationSplit });
        const scored = await scoreTable(model, pre, testX, testTarget);
        if (task === 'regression') return { rmse: scored.json.test_rmse as number, mae: scored.json.test_mae as number, r2: scored.json.test_r2 as number };
        const { truth, predicted } = scored.classes!;
        return { accuracy: scored.json.test_accuracy as number, precision: precision(truth, predicted, macro), recall: recall(truth, predicted, macro), f1: f1(truth, predicted, macro) };
      } finally {
        model?.dispose();
        tf.dispose([train.x, train.y, testX]);
      }
    },
    (r) => onFold(r.scores, r),
  );
  return { ...result, task, scores: names, samples: n };
}
