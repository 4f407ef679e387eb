import { crossValidate, type CrossValidationResult, stratifiedKFold } from '@lab/data';
import { accuracy, f1, precision, recall } from '@lab/metrics';
import type { FitOptions, Sequential } from '@lab/models';
import * as tf from '@tensorflow/tfjs-core';
import { buildArchitecture, imageShape } from './architecture.js';
import { backendLine, type BackendChoice, selectBackend } from './backend.js';
import { loadData, toTensors } from './mnist-tensors.js';
import { describeLearningRate, makeOptimizer, withModelLearningRate } from './optimizer-options.js';
import type { TableFlags } from './table/table-options.js';
import { runTableCv } from './table/table-cv.js';
import { isTableFile } from './table/table-source.js';

/** Options of `lab cv`. */
export interface CvOptions extends TableFlags {
  data?: string;
  folds: number;
  limit?: number;
  epochs: number;
  batchSize: number;
  /** Adam's learning rate, constant. Default 0.001; for `--model cnn`, `CNN_LEARNING_RATE`'s schedule. */
  learningRate?: number;
  /** The architecture: `mlp`, `cnn` or a JSON file (see `buildArchitecture`). */
  model: string;
  hidden: number;
  seed: number;
  backend: BackendChoice;
  json: boolean;
}

/** What `lab cv --json` prints: the per-fold scores and their mean and (population) std. */
export interface CvResult extends CrossValidationResult {
  /** For a table: its task. */
  task?: string;
  backend: string;
  samples: number;
  seconds: number;
  seed: number;
}

const SCORES = ['accuracy', 'precision', 'recall', 'f1'] as const;

/**
 * Cross-validates the lesson's model on the MNIST training set with stratified, shuffled folds
 * (seeded): each fold trains a fresh model and scores accuracy and macro precision, recall and F1
 * on its held-out part.
 */
export async function runCv(options: CvOptions, log: NodeJS.WriteStream): Promise<CvResult> {
  const backend = await selectBackend(options.backend);
  log.write(backendLine(backend));
  if (isTableFile(options.data)) {
    const started = performance.now();
    let names: readonly string[] = [];
    const result = await runTableCv(
      { ...options, learningRate: options.learningRate ?? 0.001 },
      log,
      (scores, rows) => {
        names = scores;
        log.write(`${options.folds}-fold cross-validation on ${rows} rows, ${options.epochs} epochs per fold\n`);
        log.write(`${['fold', 'train', 'test', ...scores, 'seconds'].map((h) => h.padStart(9)).join(' ')}\n`);
      },
      (scores, fold) => {
        const cells = [fold.fold + 1, fold.trainSize, fold.testSize].map((v) => String(v).padStart(9));
        log.write(`${[...cells, ...names.map((s) => scores[s]!.toFixed(4).padStart(9)), (fold.millis / 1000).toFixed(1).padStart(9)].join(' ')}\n`);
      },
    );
    writeSummary(log, names, result);
    const { scores: _scores, samples, ...rest } = result;
    return { ...rest, backend: backend.name, samples, seconds: (performance.now() - started) / 1000, seed: options.seed };
  }
  // A bad architecture file is reported before the default MNIST is loaded.
  if (options.data === undefined) (await buildArchitecture(options)).dispose();
  const mnist = await loadData(options.data, log);
  const train = toTensors(mnist.train, options.limit, undefined, mnist.classes);
  const shape = imageShape(mnist);
  const folds = stratifiedKFold(train.labels, { k: options.folds, shuffle: true, seed: options.seed });
  const explicit = options.learningRate === undefined ? [] : ['learningRate'];
  const rate = withModelLearningRate({ optimizer: 'adam', learningRate: options.learningRate, lrSchedule: 'constant', decayRate: 1, decaySteps: 1, staircase: false, model: options.model, explicit });
  log.write(`${options.folds}-fold cross-validation on ${train.count} samples, ${options.epochs} epochs per fold, adam (learning rate ${describeLearningRate(rate)})\n`);
  log.write(`${['fold', 'train', 'test', ...SCORES, 'seconds'].map((h) => h.padStart(9)).join(' ')}\n`);
  const macro = { average: 'macro', zeroDivision: 0 } as const;
  let index = 0;
  const started = performance.now();
  try {
    const result = await crossValidate<FitOptions>(
      async () => {
        const model: Sequential = await buildArchitecture({ ...options, seed: options.seed + index++, shape });
        model.compile({ optimizer: makeOptimizer(rate), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
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
        fitOptions: { epochs: options.epochs, batchSize: options.batchSize, seed: options.seed },
        onFold: (fold) => {
          const cells = [fold.fold + 1, fold.trainSize, fold.testSize].map((v) => String(v).padStart(9));
          const scores = SCORES.map((s) => fold.scores[s]!.toFixed(4).padStart(9));
          log.write(`${[...cells, ...scores, (fold.millis / 1000).toFixed(1).padStart(9)].join(' ')}\n`);
        },
      },
    );
    writeSummary(log, SCORES, result);
    return { ...result, backend: backend.name, samples: train.count, seconds: (performance.now() - started) / 1000, seed: options.seed };
  } finally {
    tf.dispose([train.x, train.y]);
  }
}

/** The `mean ± std` line under the per-fold rows. */
function writeSummary(log: NodeJS.WriteStream, names: readonly string[], result: CrossValidationResult): void {
  const summary = names.map((s) => `${result.mean[s]!.toFixed(4)} ± ${result.std[s]!.toFixed(4)}`.padStart(19));
  log.write(`mean ± std (population)${' '.repeat(6)}${summary.join(' ')}\n`);
}
