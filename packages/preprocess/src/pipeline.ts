import { KNNImputer } from './knn-imputer.js';
import type { MatrixInput, MatrixOutput } from './matrix.js';
import { MaxAbsScaler } from './max-abs-scaler.js';
import { MinMaxScaler } from './min-max-scaler.js';
import { RobustScaler } from './robust-scaler.js';
import { SimpleImputer } from './simple-imputer.js';
import { StandardScaler } from './standard-scaler.js';
import type { Transformer, TransformerJSON } from './transformer.js';

/** A named step of a {@link Pipeline}: `[name, transformer]`, as scikit-learn's. */
export type PipelineStep = readonly [string, Transformer];

/** A pipeline as JSON: its steps' names and {@link TransformerJSON}s. */
export interface PipelineJSON {
  type: 'Pipeline';
  /** The format version, for readers of older files. */
  version: 1;
  steps: { name: string; transformer: TransformerJSON }[];
}

/** The transformers `Pipeline.fromJSON` can restore, by `type`. */
const READERS: Record<string, (json: TransformerJSON) => Transformer> = {
  SimpleImputer: SimpleImputer.fromJSON,
  KNNImputer: KNNImputer.fromJSON,
  StandardScaler: StandardScaler.fromJSON,
  MinMaxScaler: MinMaxScaler.fromJSON,
  RobustScaler: RobustScaler.fromJSON,
  MaxAbsScaler: MaxAbsScaler.fromJSON,
};

/**
 * scikit-learn's `Pipeline` of table transformers (imputers, scalers): `fit` fits each step on
 * the previous step's output, `transform` runs them in order, `inverseTransform` in reverse
 * (every step must support it). `toJSON` / `Pipeline.fromJSON` save and restore a fitted
 * pipeline, e.g. fitted by the CLI and loaded by the web app. Intermediate tensors are disposed;
 * the result is the caller's.
 *
 * @example
 * const p = new Pipeline([['impute', new SimpleImputer()], ['scale', new StandardScaler()]]).fit(x);
 * const restored = Pipeline.fromJSON(JSON.parse(JSON.stringify(p)));
 */
export class Pipeline {
  /** The steps, in order. */
  readonly steps: PipelineStep[];

  /** @param steps `[name, transformer]` pairs with distinct names */
  constructor(steps: readonly PipelineStep[]) {
    if (!Array.isArray(steps) || steps.length === 0) throw new Error('Pipeline: steps must be a non-empty array of [name, transformer]');
    const seen = new Set<string>();
    for (const [name, transformer] of steps) {
      if (typeof name !== 'string' || seen.has(name)) throw new Error(`Pipeline: step names must be distinct strings, got ${JSON.stringify(name)} twice or as a non-string`);
      if (typeof transformer?.fit !== 'function' || typeof transformer.transform !== 'function') throw new Error(`Pipeline: step "${name}" is not a transformer (needs fit and transform)`);
      seen.add(name);
    }
    this.steps = [...steps];
  }

  /** Restores a pipeline written by {@link Pipeline.toJSON}; an unknown step type is an error naming it. */
  static fromJSON(json: PipelineJSON): Pipeline {
    if (json?.type !== 'Pipeline' || !Array.isArray(json.steps)) throw new Error('Pipeline.fromJSON: not a Pipeline JSON (type must be "Pipeline")');
    if (json.version !== 1) throw new Error(`Pipeline.fromJSON: unsupported version ${String(json.version)}; this reader knows version 1`);
    return new Pipeline(
      json.steps.map(({ name, transformer }) => {
        const read = READERS[transformer.type];
        if (!read) throw new Error(`Pipeline.fromJSON: step "${name}" has unknown type ${transformer.type}; known: ${Object.keys(READERS).join(', ')}`);
        return [name, read(transformer)] as const;
      }),
    );
  }

  /** Fits each step on the output of the ones before. Returns `this`. */
  fit(x: MatrixInput): this {
    this.run(x, (step, input, last) => {
      step.fit(input);
      return last ? undefined : step.transform(input);
    });
    return this;
  }

  /** Runs every step's `transform` in order. */
  transform<T extends MatrixInput>(x: T): MatrixOutput<T> {
    return this.run(x, (step, input) => step.transform(input)) as MatrixOutput<T>;
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform<T extends MatrixInput>(x: T): MatrixOutput<T> {
    return this.fit(x).transform(x);
  }

  /** Runs every step's `inverseTransform`, last step first. */
  inverseTransform<T extends MatrixInput>(x: T): MatrixOutput<T> {
    return this.run(x, (step, input) => step.inverseTransform(input), true) as MatrixOutput<T>;
  }

  /** The steps as JSON, options and learned state included. */
  toJSON(): PipelineJSON {
    return { type: 'Pipeline', version: 1, steps: this.steps.map(([name, t]) => ({ name, transformer: t.toJSON() })) };
  }

  /** Threads `x` through the steps, disposing intermediate tensors (never the caller's `x`). */
  private run(x: MatrixInput, apply: (step: Transformer, input: MatrixInput, last: boolean) => MatrixInput | undefined, reverse = false): MatrixInput | undefined {
    const steps = reverse ? [...this.steps].reverse() : this.steps;
    let current: MatrixInput | undefined = x;
    steps.forEach(([, step], i) => {
      const next = apply(step, current!, i === steps.length - 1);
      if (current !== x && current && 'dispose' in current) current.dispose();
      current = next;
    });
    return current;
  }
}
