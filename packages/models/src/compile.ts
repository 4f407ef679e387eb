import { array, checkOptions, checkValue, func, object, string } from '@lab/core';
import { categoricalCrossentropy, getLoss, type LossFn } from '@lab/losses';
import { type GradientTransformation, getOptimizer } from '@lab/optim';
import { type CompiledMetric, type MetricSpec, MetricSet, resolveMetrics } from './compile-metrics.js';

/** Options of `model.compile`, as in Keras. */
export interface CompileOptions {
  /** An optimizer from `@lab/optim` or its name (`'adam'`, `'sgd'`) with default settings. */
  optimizer: string | GradientTransformation;
  /** A loss from `@lab/losses` or its name (`'categoricalCrossentropy'`, `'mse'`). */
  loss: string | LossFn;
  /**
   * Metrics to report besides the loss, in fit's logs and history (with `val_` twins on
   * validation data) and in evaluate's result: names (`'accuracy'`, `'precision'`, `'recall'`,
   * `'f1_score'`, `'top_k_categorical_accuracy'`; see `METRIC_NAMES`) or streaming metric
   * objects of @lab/metrics (see {@link MetricSpec}). Accumulated on the device, read once per epoch.
   */
  metrics?: MetricSpec[];
}

/** The resolved form of {@link CompileOptions}. */
export interface Compiled {
  optimizer: GradientTransformation;
  loss: LossFn;
  /** True when the loss is categorical cross-entropy on probabilities. */
  isCategoricalCrossentropy: boolean;
  metrics: CompiledMetric[];
}

const OPTIONS = { optimizer: [string(), object()], loss: [string(), func()], metrics: array() };

/**
 * Resolves names and validates the options, naming the option at fault: unknown options are
 * errors with a hint, `optimizer` and `loss` are required.
 */
export function resolveCompile(options: CompileOptions): Compiled {
  checkOptions('compile', options, OPTIONS);
  for (const name of ['optimizer', 'loss'] as const) {
    if (options?.[name] === undefined) checkValue('compile', name, undefined, OPTIONS[name]);
  }
  const optimizer =
    typeof options.optimizer === 'string' ? getOptimizer(options.optimizer) : options.optimizer;
  const loss = getLoss(options.loss);
  const metrics = resolveMetrics(options.metrics ?? []);
  return { optimizer, loss, isCategoricalCrossentropy: loss === categoricalCrossentropy, metrics };
}

/** A fresh streaming accumulator for each compiled metric. */
export function makeMetrics(compiled: Compiled): MetricSet {
  return new MetricSet(compiled.metrics);
}
