import path from 'node:path';
import { crossValidate, type CrossValidationResult, stratifiedKFold } from '@lab/data';
import { accuracy, f1, precision, recall } from '@lab/metrics';
import type { FitOptions, Sequential } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';
import { buildArchitecture, imageShape } from './architecture.js';
import { backendLine, type BackendChoice, selectBackend } from './backend.js';
import { seedLine } from './common-options.js';
import { UsageError } from './errors.js';
import { chooseLoss } from './loss-choice.js';
import { loadData, toTensors } from './mnist-tensors.js';
import { describeLearningRate, initialLearningRate, makeOptimizer, type OptimizerFlags, withModelLearningRate } from './optimizer-options.js';
import { parseDenoise } from './preprocess-images.js';
import type { TableFlags } from './table/table-options.js';
import { runTableCv } from './table/table-cv.js';
import { isTableFile } from './table/table-source.js';

/** Options of `lab cv`: the run options of `lab train` (data, model, training, optimizer and schedule, loss, seed, backend) and the folds. */
export interface CvOptions extends TableFlags, OptimizerFlags {
  data?: string;
  folds: number;
  limit?: number;
  epochs: number;
  batchSize: number;
  /** Fraction of each fold's training rows held out (from the end, as Keras) for per-epoch validation. */
  validationSplit: number;
  /** A loss name from @lab/losses; used only when in `explicit`, else the data's. */
  loss: string;
  /** The architecture: `mlp`, `cnn` or a JSON file (see `buildArchitecture`). */
  model: string;
  hidden: number;
  seed: number;
  /** False when the seed was drawn at random. Default true. */
  seedGiven?: boolean;
  /** Denoise the images, e.g. `gaussian:1.0` (images only). */
  denoise?: string;
  backend: BackendChoice;
  json: boolean;
  /** The options the user set (command line or --config), as opposed to defaults. */
  explicit?: readonly string[];
}

/** One fold of `lab cv --json`. */
export interface CvFold {
  /** From 1, as the table prints it. */
  fold: number;
  train_size: number;
  test_size: number;
  scores: Record<string, number>;
  seconds: number;
}

/** What `lab cv --json` prints: the per-fold scores, their mean and std (population, and sample), and the run's settings. */
export interface CvResult {
  folds: CvFold[];
  mean: Record<string, number>;
  std: Record<string, number>;
  sample_std: Record<string, number>;
  /** For a table: its task. */
  task?: string;
  backend: string;
  samples: number;
  seconds: number;
  seed: number;
  optimizer: string;
  loss: string;
  /** The initial learning rate. */
  learning_rate: number;
  /** The learning rate and its schedule in words: `0.005, decaying ×0.5 every 1000 steps`. */
  learning_rate_schedule: string;
}

/** The library's cross-validation result in the CLI's JSON vocabulary (snake_case, seconds). */
function cvJson(result: CrossValidationResult): Pick<CvResult, 'folds' | 'mean' | 'std' | 'sample_std'> {
  return {
    folds: result.folds.map((f) => ({ fold: f.fold + 1, train_size: f.trainSize, test_size: f.testSize, scores: f.scores, seconds: f.millis / 1000 })),
    mean: result.mean,
    std: result.std,
    sample_std: result.sampleStd,
  };
}

const SCORES = ['accuracy', 'precision', 'recall', 'f1'] as const;

/** The settings line above the folds' table: `5-fold cross-validation on N samples, 1 epoch per fold, adam (learning rate 0.001), loss mse`. */
function settingsLine(options: CvOptions, what: string, rate: OptimizerFlags & { modelDefault?: boolean }, loss: string): string {
  const epochs = `${options.epochs} epoch${options.epochs === 1 ? '' : 's'}`;
  const validation = options.validationSplit > 0 ? `, validating on ${options.validationSplit} of each fold's training rows` : '';
  return `${options.folds}-fold cross-validation on ${what}, ${epochs} per fold${validation}, ${options.optimizer} (learning rate ${describeLearningRate(rate)}), loss ${loss}\n`;
}

/**
 * Cross-validates a model (the lesson's by default) on the MNIST training set or a table with
 * stratified, shuffled folds (seeded): each fold trains a fresh model with the run options train
 * takes and scores accuracy and macro precision, recall and F1 (RMSE, MAE, R² for a regression)
 * on its held-out part.
 */
export async function runCv(options: CvOptions, log: NodeJS.WriteStream): Promise<CvResult> {
  const backend = await selectBackend(options.backend);
  log.write(backendLine(backend));
  log.write(seedLine(options.seed, options.seedGiven !== false));
  const rate = withModelLearningRate(options);
  const settings = (loss: string) => ({ seed: options.seed, optimizer: options.optimizer, loss, learning_rate: initialLearningRate(rate), learning_rate_schedule: describeLearningRate(rate) });
  if (isTableFile(options.data)) {
    if (options.denoise !== undefined) throw new UsageError(`--denoise filters images; ${options.data} is a table`, 2);
    const started = performance.now();
    let names: readonly string[] = [];
    let loss = '';
    const result = await runTableCv(
      { ...options, ...rate },
      log,
      (scores, rows, task) => {
        names = scores;
        loss = chooseLoss(options, { task, name: path.basename(options.data!), defaultLoss: task === 'classification' ? 'categorical-crossentropy' : 'mse' });
        log.write(settingsLine(options, `${rows} rows`, rate, loss));
        log.write(`${formatRow(['fold', 'train', 'test', ...scores, 'seconds'])}\n`);
        return loss;
      },
      (scores, fold) => {
        log.write(`${formatRow([fold.fold + 1, fold.trainSize, fold.testSize, ...names.map((s) => scores[s]!.toFixed(4)), (fold.millis / 1000).toFixed(1)])}\n`);
      },
    );
    writeSummary(log, names, result);
    return { ...cvJson(result), task: result.task, backend: backend.name, samples: result.samples, seconds: (performance.now() - started) / 1000, ...settings(loss) };
  }
  const denoise = options.denoise ? parseDenoise(options.denoise) : undefined;
  // A bad architecture file is reported before the default MNIST is loaded.
  if (options.data === undefined) (await buildArchitecture(options)).dispose();
  const mnist = await loadData(options.data, log);
  const train = toTensors(mnist.train, options.limit, denoise, mnist.classes);
  const shape = imageShape(mnist);
  const loss = chooseLoss(options, { task: 'classification', name: shape.name, defaultLoss: 'categorical-crossentropy' });
  if (denoise) log.write(`Denoised the images with a ${denoise.filter} filter (${denoise.filter === 'gaussian' ? 'sigma' : 'size'} ${denoise.value})\n`);
  const folds = stratifiedKFold(train.labels, { k: options.folds, shuffle: true, seed: options.seed });
  log.write(settingsLine(options, `${train.count} samples`, rate, loss));
  log.write(`${formatRow(['fold', 'train', 'test', ...SCORES, 'seconds'])}\n`);
  const macro = { average: 'macro', zeroDivision: 0 } as const;
  let index = 0;
  const started = performance.now();
  try {
    const result = await crossValidate<FitOptions>(
      async () => {
        const model: Sequential = await buildArchitecture({ ...options, seed: options.seed + index++, shape });
        model.compile({ optimizer: makeOptimizer(rate), loss, metrics: ['accuracy'] });
        return model;
      },
      { x: train.x, y: train.y },
      {
        folds,
        metrics: {
          accuracy: (t, p) => accuracy(t, p),
          precision: (t, p) => precision(t, p, macro),
          recall: (t, p) => recall(t, p, macro),
          f1: (t, p) => f1(t, p, macro),
        },
        fitOptions: { epochs: options.epochs, batchSize: options.batchSize, seed: options.seed, validationSplit: options.validationSplit },
        onFold: (fold) => {
          log.write(`${formatRow([fold.fold + 1, fold.trainSize, fold.testSize, ...SCORES.map((s) => fold.scores[s]!.toFixed(4)), (fold.millis / 1000).toFixed(1)])}\n`);
        },
      },
    );
    writeSummary(log, SCORES, result);
    return { ...cvJson(result), backend: backend.name, samples: train.count, seconds: (performance.now() - started) / 1000, ...settings(loss) };
  } finally {
    tf.dispose([train.x, train.y]);
  }
}

/** Widths of the folds' table: fold, train and test counts, then the scores (wide enough for `12.3456 ± 12.3456`), then seconds. */
const COUNT_WIDTH = 7;
const SCORE_WIDTH = 17;

/** One row of the folds' table (fold, train, test, the scores, seconds), each cell right-aligned in its column. */
export function formatRow(cells: readonly (string | number)[]): string {
  return cells.map((c, i) => String(c).padStart(i < 3 ? COUNT_WIDTH : i === cells.length - 1 ? 9 : SCORE_WIDTH)).join(' ');
}

/**
 * The `mean ± std` row under the per-fold rows: its label spans the fold, train and test columns,
 * and each `mean ± std` sits in its score's column, so the row lines up with the table above.
 */
export function summaryRow(names: readonly string[], result: Pick<CrossValidationResult, 'mean' | 'std'>): string {
  const label = 'mean ± std'.padEnd(3 * COUNT_WIDTH + 2);
  return `${label} ${names.map((s) => `${result.mean[s]!.toFixed(4)} ± ${result.std[s]!.toFixed(4)}`.padStart(SCORE_WIDTH)).join(' ')}`;
}

function writeSummary(log: NodeJS.WriteStream, names: readonly string[], result: CrossValidationResult): void {
  log.write(`${summaryRow(names, result)}\n(std: population, over the folds)\n`);
}
