import { array, checkOptions, checkValue, func, object, string } from '@lab/core';
import { categoricalCrossentropy, getLoss, type LossFn } from '@lab/losses';
import { Accuracy } from '@lab/metrics';
import { type GradientTransformation, getOptimizer } from '@lab/optim';

/** Options of `model.compile`, as in Keras. */
export interface CompileOptions {
  /** An optimizer from `@lab/optim` or its name (`'adam'`, `'sgd'`) with default settings. */
  optimizer: string | GradientTransformation;
  /** A loss from `@lab/losses` or its name (`'categoricalCrossentropy'`, `'mse'`). */
  loss: string | LossFn;
  /** Metrics to report besides the loss; `'accuracy'` is supported. */
  metrics?: string[];
}

/** The resolved form of {@link CompileOptions}. */
export interface Compiled {
  optimizer: GradientTransformation;
  loss: LossFn;
  /** True when the loss is categorical cross-entropy on probabilities. */
  isCategoricalCrossentropy: boolean;
  metrics: 'accuracy'[];
}

const METRICS = ['accuracy', 'acc'];

const OPTIONS = { optimizer: [string(), object()], loss: [string(), func()], metrics: array(string()) };

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
  const metrics = (options.metrics ?? []).map((m) => {
    if (!METRICS.includes(m)) throw new Error(`compile: unknown metric '${m}'; expected one of: accuracy`);
    return 'accuracy' as const;
  });
  return { optimizer, loss, isCategoricalCrossentropy: loss === categoricalCrossentropy, metrics };
}

/** A fresh streaming accumulator for each compiled metric. */
export function makeMetrics(compiled: Compiled): Map<string, Accuracy> {
  return new Map(compiled.metrics.map((m) => [m, new Accuracy()]));
}
