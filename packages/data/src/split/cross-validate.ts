import { array, boolean, func, integer, number, object } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import type { Fold } from './fold.js';
import { kFold } from './k-fold.js';
import { checkSplitOptions } from './split-options.js';

const OPTIONS = {
  folds: [integer(), array(object())],
  shuffle: boolean(),
  seed: number(),
  metrics: object(),
  fitOptions: object(),
  onFold: func(),
};

/**
 * What {@link crossValidate} needs of a model, structurally (a `@lab/models` `Sequential` fits):
 * train on tensors, predict a tensor the caller owns, free its weights.
 */
export interface CrossValidatable<FitOptions> {
  fit(x: tf.Tensor, y: tf.Tensor, options?: FitOptions): Promise<unknown>;
  predict(x: tf.Tensor): tf.Tensor;
  dispose(): void;
}

/**
 * A score of one fold from the test targets and the model's predictions (e.g. `accuracy` or
 * `(y, p) => f1(y, p, { average: 'macro' })` from `@lab/metrics`): a number, or a scalar tensor
 * that crossValidate reads and disposes. Must not dispose its inputs.
 */
export type FoldMetric = (yTrue: tf.Tensor, yPred: tf.Tensor) => number | tf.Scalar | Promise<number>;

/** The scores of one fold. */
export interface FoldResult {
  /** 0-based fold number. */
  fold: number;
  trainSize: number;
  testSize: number;
  /** Score per metric name. */
  scores: Record<string, number>;
  /** Wall time of the fold (training and scoring), in milliseconds. */
  millis: number;
}

/**
 * Per-fold scores and their summary. `std` is the population standard deviation (divide by the
 * number of folds), as NumPy's `np.std(scores)` that scikit-learn users print; `sampleStd`
 * divides by folds - 1 (NaN for one fold).
 */
export interface CrossValidationResult {
  folds: FoldResult[];
  mean: Record<string, number>;
  std: Record<string, number>;
  sampleStd: Record<string, number>;
}

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions<FitOptions> {
  /** A number of folds for {@link kFold}, or folds made beforehand (e.g. {@link stratifiedKFold}). Default 5. */
  folds?: number | readonly Fold[];
  /** With a number of `folds`: shuffle first (default false, as scikit-learn) with `seed` (default 0). */
  shuffle?: boolean;
  seed?: number;
  /** Named scores computed on each test fold. Required, at least one. */
  metrics: Record<string, FoldMetric>;
  /** Passed to every `fit`. */
  fitOptions?: FitOptions;
  /** Called after each fold, e.g. to print progress. */
  onFold?: (result: FoldResult) => void;
}

/** Mean, population and sample standard deviation of each score over folds. */
export function summarize(folds: readonly FoldResult[]): Omit<CrossValidationResult, 'folds'> {
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  const sampleStd: Record<string, number> = {};
  for (const name of Object.keys(folds[0]?.scores ?? {})) {
    const values = folds.map((f) => f.scores[name]!);
    const m = values.reduce((a, b) => a + b, 0) / values.length;
    const squares = values.reduce((a, v) => a + (v - m) ** 2, 0);
    mean[name] = m;
    std[name] = Math.sqrt(squares / values.length);
    sampleStd[name] = Math.sqrt(squares / (values.length - 1));
  }
  return { mean, std, sampleStd };
}

/**
 * Runs `score(fold, index)` on each fold in turn and summarizes the scores: the engine of
 * {@link crossValidate}, for training code of any shape. The callback owns whatever it creates.
 */
export async function crossValidateFolds(
  folds: readonly Fold[],
  score: (fold: Fold, index: number) => Promise<Record<string, number>> | Record<string, number>,
  onFold?: (result: FoldResult) => void,
): Promise<CrossValidationResult> {
  if (folds.length === 0) throw new Error('crossValidate: no folds');
  const results: FoldResult[] = [];
  for (const [index, fold] of folds.entries()) {
    const start = performance.now();
    const scores = await score(fold, index);
    const result = { fold: index, trainSize: fold.train.length, testSize: fold.test.length, scores, millis: performance.now() - start };
    results.push(result);
    onFold?.(result);
  }
  return { folds: results, ...summarize(results) };
}

/**
 * K-fold cross-validation, as scikit-learn's `cross_validate`: for each fold, `makeModel()` builds
 * a fresh (compiled) model, `fit` trains it on the fold's training rows of `x` and `y`, and each
 * metric scores `predict` on its test rows. Returns per-fold scores with their mean and standard
 * deviation (see {@link CrossValidationResult}). Rows are gathered on the device; each fold's
 * tensors and model are disposed before the next, even on error. `x` and `y` are not disposed.
 * Unknown options are errors with a hint; so are `shuffle` and `seed` with folds made beforehand,
 * which they could not change.
 *
 * @example
 * const result = await crossValidate(() => makeCompiledModel(), { x, y }, {
 *   folds: 5,
 *   metrics: { accuracy, macroF1: (t, p) => f1(t, p, { average: 'macro' }) },
 *   fitOptions: { epochs: 1, batchSize: 64 },
 * });
 * console.log(result.mean.accuracy, result.std.accuracy);
 */
export async function crossValidate<FitOptions>(
  makeModel: () => CrossValidatable<FitOptions> | Promise<CrossValidatable<FitOptions>>,
  data: { x: tf.Tensor; y: tf.Tensor },
  options: CrossValidateOptions<FitOptions>,
): Promise<CrossValidationResult> {
  checkSplitOptions('crossValidate', options, OPTIONS);
  if (typeof options.folds === 'object' && (options.shuffle !== undefined || options.seed !== undefined)) {
    throw new Error('crossValidate: shuffle and seed apply to a number of folds; these folds were made beforehand (shuffle them there)');
  }
  const n = data.x.shape[0] ?? 0;
  if (data.y.shape[0] !== n) throw new Error(`crossValidate: x has ${n} rows but y has ${data.y.shape[0]}`);
  const names = Object.keys(options.metrics ?? {});
  if (names.length === 0) throw new Error('crossValidate: metrics must name at least one score');
  const folds =
    typeof options.folds === 'object' ? options.folds : kFold(n, { k: options.folds ?? 5, shuffle: options.shuffle, seed: options.seed });
  return crossValidateFolds(
    folds,
    async (fold) => {
      const model = await makeModel();
      const owned: tf.Tensor[] = [];
      const rows = (t: tf.Tensor, indices: Int32Array) => {
        const index = tf.tensor1d(indices, 'int32');
        owned.push(index);
        const out = tf.gather(t, index);
        owned.push(out);
        return out;
      };
      try {
        await model.fit(rows(data.x, fold.train), rows(data.y, fold.train), options.fitOptions);
        const yTrue = rows(data.y, fold.test);
        const yPred = model.predict(rows(data.x, fold.test));
        owned.push(yPred);
        const scores: Record<string, number> = {};
        for (const name of names) scores[name] = await scalar(await options.metrics[name]!(yTrue, yPred));
        return scores;
      } finally {
        tf.dispose(owned);
        model.dispose();
      }
    },
    options.onFold,
  );
}

async function scalar(value: number | tf.Scalar): Promise<number> {
  if (typeof value === 'number') return value;
  const data = await value.data();
  value.dispose();
  return data[0]!;
}
