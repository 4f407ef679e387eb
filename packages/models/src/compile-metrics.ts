import * as tf from '@tensorflow/tfjs-core';
import {
  Accuracy,
  BalancedAccuracy,
  F1Score,
  FBetaScore,
  MatthewsCorrCoef,
  MeanAbsoluteError,
  MeanSquaredError,
  type Metric,
  Precision,
  R2Score,
  Recall,
  RootMeanSquaredError,
  TopKAccuracy,
} from '@lab/metrics';
import type { Logs } from './callbacks.js';

/** A streaming metric of @lab/metrics under the name its value has in the logs (`{ name: 'macro_f1', metric: new F1Score({ average: 'macro' }) }`). */
export interface NamedMetric {
  name: string;
  metric: Metric<number>;
}

/**
 * A metric `compile` accepts: a name (see {@link METRIC_NAMES}), a streaming metric object of
 * @lab/metrics (`new Precision({ average: 'macro' })`, named as Keras names its class: `precision`),
 * or a {@link NamedMetric}. An object is used as Keras uses one: reset at the start of each epoch
 * and of each evaluation, never disposed by the model (the caller still owns it).
 */
export type MetricSpec = string | Metric<number> | NamedMetric;

/** How one compiled metric is made for a pass over data. */
export interface CompiledMetric {
  /** The key in the logs (`val_` + it for validation). */
  name: string;
  /** A fresh accumulator (for names), or the caller's object. */
  create(): Metric<number>;
  /** Whether `create` made it (so the model disposes it). */
  owned: boolean;
  /** Whether it must see probabilities: logits serve argmax- and rank-based metrics as well. */
  needsProbabilities: boolean;
}

// Keras's names (`keras.metrics.get`), and what each is computed with. Precision, recall and F1
// are macro averages over the classes of argmax predictions, torchmetrics' multiclass default,
// with 0 for a class never predicted (Keras's silent 0, not scikit-learn's warning).
const BY_NAME: Record<string, { name: string; make: () => Metric<number> }> = {
  accuracy: { name: 'accuracy', make: () => new Accuracy() },
  precision: { name: 'precision', make: () => new Precision({ average: 'macro', zeroDivision: 0 }) },
  recall: { name: 'recall', make: () => new Recall({ average: 'macro', zeroDivision: 0 }) },
  f1_score: { name: 'f1_score', make: () => new F1Score({ average: 'macro', zeroDivision: 0 }) },
  // Keras's default k.
  top_k_categorical_accuracy: { name: 'top_k_categorical_accuracy', make: () => new TopKAccuracy({ k: 5 }) },
  // Regression: scikit-learn's numbers (float64 over the epoch's outputs), Keras' names.
  mean_squared_error: { name: 'mean_squared_error', make: () => new MeanSquaredError() },
  root_mean_squared_error: { name: 'root_mean_squared_error', make: () => new RootMeanSquaredError() },
  mean_absolute_error: { name: 'mean_absolute_error', make: () => new MeanAbsoluteError() },
  r2_score: { name: 'r2_score', make: () => new R2Score() },
};
const ALIASES: Record<string, string> = {
  acc: 'accuracy',
  f1: 'f1_score',
  top_k_accuracy: 'top_k_categorical_accuracy',
  mse: 'mean_squared_error',
  mae: 'mean_absolute_error',
};

/** The metric names `compile` accepts, with their aliases (`acc`, `f1`, `top_k_accuracy`, `mse`, `mae`). */
export const METRIC_NAMES: readonly string[] = [...Object.keys(BY_NAME), ...Object.keys(ALIASES)];

// Classes of @lab/metrics by the name Keras gives the same metric's class (MeanSquaredError by
// its `squared`: Keras names its square root RootMeanSquaredError).
const CLASS_NAMES: [abstract new (...args: never[]) => object, string | ((metric: object) => string)][] = [
  [Accuracy, 'accuracy'],
  [Precision, 'precision'],
  [Recall, 'recall'],
  [F1Score, 'f1_score'],
  [FBetaScore, 'fbeta_score'],
  [TopKAccuracy, 'top_k_categorical_accuracy'],
  [BalancedAccuracy, 'balanced_accuracy'],
  [MatthewsCorrCoef, 'matthews_corrcoef'],
  [MeanSquaredError, (m) => ((m as MeanSquaredError).squared ? 'mean_squared_error' : 'root_mean_squared_error')],
  [RootMeanSquaredError, 'root_mean_squared_error'],
  [MeanAbsoluteError, 'mean_absolute_error'],
  [R2Score, 'r2_score'],
];

/** The Keras name of a metric object's class, if it has one. */
function kerasName(metric: Metric<number>): string | undefined {
  const name = CLASS_NAMES.find(([c]) => metric instanceof c)?.[1];
  return typeof name === 'function' ? name(metric) : name;
}

const isMetric = (m: unknown): m is Metric<number> =>
  typeof m === 'object' && m !== null && ['update', 'compute', 'reset', 'dispose'].every((k) => typeof (m as Record<string, unknown>)[k] === 'function');

/** Resolves `compile`'s `metrics`; errors name the entry at fault and what is accepted. */
export function resolveMetrics(specs: readonly MetricSpec[]): CompiledMetric[] {
  const out = specs.map((spec, i): CompiledMetric => {
    if (typeof spec === 'string') {
      const entry = BY_NAME[ALIASES[spec] ?? spec];
      if (!entry) throw new Error(`compile: unknown metric '${spec}'; expected one of: ${METRIC_NAMES.join(', ')}, or a metric object of @lab/metrics`);
      return { name: entry.name, create: entry.make, owned: true, needsProbabilities: false };
    }
    const named = isMetric(spec) ? { name: kerasName(spec), metric: spec } : spec;
    if (!isMetric(named?.metric)) throw new Error(`compile: metrics[${i}] is neither a metric name, a metric object of @lab/metrics, nor { name, metric }`);
    if (typeof named.name !== 'string' || named.name === '') throw new Error(`compile: metrics[${i}] is a metric of a class without a Keras name; pass { name, metric }`);
    const metric = named.metric;
    return { name: named.name, create: () => metric, owned: false, needsProbabilities: true };
  });
  const seen = new Set<string>(['loss']);
  for (const m of out) {
    if (seen.has(m.name) || m.name.startsWith('val_')) throw new Error(`compile: metric name '${m.name}' is taken (by the loss, another metric or the val_ prefix); name it with { name, metric }`);
    seen.add(m.name);
  }
  return out;
}

/**
 * The compiled metrics for one pass over data (an epoch of training, an evaluation): `update`
 * accumulates on the device, `compute` reads every metric once, together. `dispose` frees the
 * metrics it made and resets the caller's objects, so no state tensor outlives the pass.
 */
export class MetricSet {
  private readonly entries: { name: string; metric: Metric<number>; owned: boolean; needsProbabilities: boolean }[];

  constructor(metrics: readonly CompiledMetric[]) {
    this.entries = metrics.map((m) => ({ name: m.name, metric: m.create(), owned: m.owned, needsProbabilities: m.needsProbabilities }));
    for (const e of this.entries) if (!e.owned) e.metric.reset();
  }

  /** The metric logged as `name`, if compiled. */
  get(name: string): Metric<number> | undefined {
    return this.entries.find((e) => e.name === name)?.metric;
  }

  /** Forgets every batch. */
  reset(): void {
    for (const e of this.entries) e.metric.reset();
  }

  /** Adds a batch; `logits` says `out` is the last layer's logits, turned into probabilities for the metrics that need them. Disposes nothing given. */
  update(y: tf.Tensor, out: tf.Tensor, logits: boolean): void {
    let probabilities: tf.Tensor | undefined;
    try {
      for (const e of this.entries) {
        if (e.needsProbabilities && logits) probabilities ??= tf.softmax(out);
        e.metric.update(y, e.needsProbabilities && logits ? probabilities! : out);
      }
    } finally {
      probabilities?.dispose();
    }
  }

  /** Every metric's value by name, all reads issued before any is awaited. */
  async compute(): Promise<Logs> {
    const values = await Promise.all(this.entries.map((e) => e.metric.compute()));
    const logs: Logs = {};
    this.entries.forEach((e, i) => {
      const v = values[i];
      if (typeof v !== 'number') throw new Error(`metric '${e.name}' computed ${Array.isArray(v) ? 'one value per class' : typeof v}; logs need one number (not average: 'none')`);
      logs[e.name] = v;
    });
    return logs;
  }

  /** Frees the metrics made here; resets (frees the state of) the caller's. */
  dispose(): void {
    for (const e of this.entries) (e.owned ? e.metric.dispose() : e.metric.reset());
  }
}
