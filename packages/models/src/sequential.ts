import { any, checkOptions, number, Random, string } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { learningRateOf, setLearningRate } from '@lab/optim';
import type { History, Logs } from './callbacks.js';
import { type Compiled, type CompileOptions, resolveCompile } from './compile.js';
import { evaluateBatches } from './evaluate.js';
import { Dense } from './layers/dense.js';
import type { Layer } from './layers/layer.js';
import { checkBatchSize } from './check-batch-size.js';
import { checkInputShape } from './check-shapes.js';
import type { ModelTarget } from './io/handler.js';
import type { ModelMetadata } from './io/metadata.js';
import { saveModel } from './io/save.js';
import type { Model } from './model.js';
import { summarize } from './summary.js';
import { fitLoop } from './fit.js';
import { checkFitOptions, type FitOptions } from './fit-options.js';

/** Options of {@link Sequential}. */
export interface SequentialOptions {
  /** Seeds the weight initialisers (and, unless `fit` gets its own, the shuffles). */
  seed?: number;
  /** The model's name. */
  name?: string;
}

/** Options of `evaluate` and `predict`. */
export interface BatchOptions {
  /** Samples per forward pass (default 32, as in Keras). */
  batchSize?: number;
}

// batchSize keeps checkBatchSize's message ("a positive integer").
const BATCH_OPTIONS = { batchSize: any() };

/**
 * A stack of layers applied in order, with Keras' workflow: `compile`, `fit`, `evaluate`,
 * `predict`. The model owns its layers' weights; call `dispose()` when done.
 *
 * @example
 * const model = new Sequential([
 *   new Flatten({ inputShape: [28, 28, 1] }),
 *   new Dense({ units: 128, activation: 'relu' }),
 *   new Dense({ units: 10, activation: 'softmax' }),
 * ], { seed: 42 });
 * model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
 * await model.fit(x, y, { epochs: 5, batchSize: 64 });
 */
export class Sequential implements Model {
  readonly layers: Layer[];
  readonly name: string;
  /** Set to true (e.g. from a callback) to stop `fit` after the current batch. */
  stopTraining = false;
  /**
   * The optimizer's state (moments, step count), kept across `fit` calls as in Keras, saved in
   * checkpoints; `undefined` until the first `fit`. Owned by the model; `dispose()` frees it.
   */
  optimizerState: tf.TensorContainer | undefined;
  /** Where training stands: the epoch and the number of its batches done, updated every step. */
  position = { epoch: 0, step: 0 };
  /** What was saved beside the model (labels, preprocessing); filled by `loadModel`. */
  metadata: ModelMetadata = {};
  private readonly random: Random;
  private compiled: Compiled | undefined;
  private sampleShape: number[] | undefined;

  constructor(layers: Layer[] = [], options: SequentialOptions = {}) {
    checkOptions('Sequential', options, { seed: number(), name: string() });
    this.layers = [...layers];
    this.name = options.name ?? 'sequential';
    this.random = new Random(options.seed ?? Math.floor(Math.random() * 2 ** 31));
  }

  /** Appends a layer (before the model is built). */
  add(layer: Layer): void {
    if (this.sampleShape) throw new Error(`${this.name}: cannot add '${layer.name}' after the model is built`);
    this.layers.push(layer);
  }

  /**
   * Creates every layer's weights for samples of `inputShape` (no batch axis); defaults to the
   * first layer's `inputShape`. Called by `compile`/`fit` when needed.
   */
  build(inputShape?: number[]): void {
    if (this.sampleShape) return;
    const shape = inputShape ?? this.layers[0]?.inputShape;
    if (!shape) throw new Error(`${this.name}: give the first layer an inputShape, or call build(inputShape)`);
    if (this.layers.length === 0) throw new Error(`${this.name}: has no layers`);
    let current = shape;
    for (const layer of this.layers) {
      layer.build(current, this.random.nextSeed());
      current = layer.outputShape(current);
    }
    this.sampleShape = [...shape];
  }

  /** Shape of one input sample, once built. */
  get inputShape(): number[] | undefined {
    return this.sampleShape ? [...this.sampleShape] : undefined;
  }

  /** All trainable weights in layer order. */
  get trainableWeights(): tf.Variable[] {
    return this.layers.flatMap((l) => l.weights);
  }

  /**
   * The trainable weights keyed by stable names, `layerName/kernel` and `layerName/bias` (the names
   * in saved models). Optimizer states are keyed by these names, so a checkpoint restores into a
   * freshly loaded model.
   */
  namedWeights(): Record<string, tf.Variable> {
    return this.weightsByName(false);
  }

  /**
   * Every weight, trainable or not (a batch norm's moving statistics too), keyed as in
   * {@link namedWeights}, in the order a saved model lists them.
   */
  savedWeights(): Record<string, tf.Variable> {
    return this.weightsByName(true);
  }

  private weightsByName(all: boolean): Record<string, tf.Variable> {
    const out: Record<string, tf.Variable> = {};
    for (const layer of this.layers) {
      for (const [i, w] of (all ? layer.allWeights : layer.weights).entries()) {
        const key = `${layer.name}/${layer.weightNames[i] ?? `weight_${i}`}`;
        if (out[key]) throw new Error(`${this.name}: two layers are named '${layer.name}'; layer names must be unique`);
        out[key] = w;
      }
    }
    return out;
  }

  /** Number of scalar weights. */
  countParams(): number {
    return this.layers.reduce((n, l) => n + l.countParams(), 0);
  }

  /**
   * The learning rate the next update will use: what `fit` logs as `learning_rate`. `undefined`
   * before the first `fit` made the optimizer state, or when the optimizer has no learning rate.
   */
  getLearningRate(): number | undefined {
    if (!this.compiled || this.optimizerState === undefined) return undefined;
    return learningRateOf(this.compiled.optimizer, this.optimizerState);
  }

  /**
   * Sets the learning rate of every later update, replacing the optimizer's schedule, as Keras's
   * `model.optimizer.learning_rate = rate` (used by `ReduceLROnPlateau`, `LearningRateScheduler`).
   * Kept in `optimizerState`, so checkpoints restore it; the fused optimizer kernels still run.
   * Throws before `fit` has made the state, or for an optimizer without a learning rate.
   */
  setLearningRate(rate: number): void {
    const compiled = this.requireCompiled('setLearningRate');
    if (this.optimizerState === undefined) throw new Error(`${this.name}: setLearningRate needs the optimizer state; call it from a callback or after fit()`);
    this.optimizerState = setLearningRate(compiled.optimizer, this.optimizerState, rate);
  }

  /** Sets the optimizer, loss and metrics (Keras' `compile`), and builds the model if it can. */
  compile(options: CompileOptions): void {
    this.compiled = resolveCompile(options);
    tf.dispose(this.optimizerState);
    this.optimizerState = undefined;
    if (this.layers[0]?.inputShape) this.build();
  }

  /**
   * Runs the layers on a batch. With `logits`, the last Dense layer's softmax is left off, which
   * is what Keras does under the hood when a softmax output meets categorical cross-entropy.
   * `training` switches dropout and batch norm to their training behaviour; `seed` (with it) seeds
   * each layer's randomness. Samples of the input's size but another shape (`[N, 784]` for a
   * `[28, 28, 1]` model) are reshaped. Returns a new tensor owned by the caller.
   */
  forward(x: tf.Tensor, training = false, logits = false, seed?: string): tf.Tensor {
    checkInputShape(this, x);
    return tf.tidy(() => {
      const shape = this.sampleShape!;
      let h = x.rank === shape.length + 1 ? x : tf.reshape(x, [x.shape[0] ?? 1, ...shape]);
      const last = this.layers.length - 1;
      this.layers.forEach((layer, i) => {
        h = i === last && logits && layer instanceof Dense ? layer.applyLinear(h) : layer.apply(h, training, seed === undefined ? undefined : `${seed}/${i}`);
      });
      return h;
    });
  }

  /** True when the loss can be computed from the last layer's logits (softmax + cross-entropy). */
  usesLogits(): boolean {
    const last = this.layers[this.layers.length - 1];
    return !!this.compiled?.isCategoricalCrossentropy && last instanceof Dense && last.activation === 'softmax';
  }

  /**
   * Trains the model (Keras' `fit`); see {@link FitOptions}, checked first (unknown options are
   * errors with a hint). Returns the history of per-epoch logs. Shapes are checked before the first
   * step; on any error every tensor `fit` made is freed.
   */
  async fit(x: tf.Tensor, y: tf.Tensor, options: FitOptions = {}): Promise<History> {
    checkFitOptions(options);
    const compiled = this.requireCompiled('fit');
    this.build(x.shape.slice(1));
    const seed = options.seed ?? this.random.nextSeed();
    return fitLoop(this, compiled, x, y, { ...options, seed });
  }

  /** Loss and metrics on `x`, `y` (Keras' `evaluate`), e.g. `{ loss: 0.08, accuracy: 0.975 }`. */
  async evaluate(x: tf.Tensor, y: tf.Tensor, options: BatchOptions = {}): Promise<Logs> {
    checkOptions('evaluate', options, BATCH_OPTIONS);
    const compiled = this.requireCompiled('evaluate');
    this.build(x.shape.slice(1));
    return evaluateBatches(this, compiled, x, y, options.batchSize ?? 32);
  }

  /** The model's outputs for `x`, computed `batchSize` samples at a time. The caller owns the result. */
  predict(x: tf.Tensor, options: BatchOptions = {}): tf.Tensor {
    checkOptions('predict', options, BATCH_OPTIONS);
    this.build(x.shape.slice(1));
    const batchSize = checkBatchSize(options.batchSize ?? 32, 'predict');
    checkInputShape(this, x);
    const n = x.shape[0] ?? 0;
    if (n <= batchSize) return this.forward(x);
    return tf.tidy(() => {
      const parts: tf.Tensor[] = [];
      for (let start = 0; start < n; start += batchSize) {
        const size = Math.min(batchSize, n - start);
        parts.push(this.forward(tf.slice(x, start, size)));
      }
      return tf.concat(parts, 0);
    });
  }

  /**
   * Saves the model in the TensorFlow.js Layers format (`model.json` + `weights.bin`), readable by
   * `tf.loadLayersModel`. `target` is an IO handler (`fileSystem(dir)` from `@lab/models/node`,
   * `memory()`) or a URL tfjs routes (`indexeddb://name`, `downloads://name`). `metadata` defaults
   * to `this.metadata`.
   */
  async save(target: ModelTarget, metadata: ModelMetadata = this.metadata): Promise<tf.io.SaveResult> {
    return saveModel(this, target, metadata);
  }

  /** A Keras-style table of layers, output shapes and parameter counts. */
  summary(): string {
    return summarize(this);
  }

  /** Frees every weight. The model cannot be used afterwards. */
  dispose(): void {
    tf.dispose(this.optimizerState);
    this.optimizerState = undefined;
    for (const layer of this.layers) layer.dispose();
    this.sampleShape = undefined;
  }

  private requireCompiled(what: string): Compiled {
    if (!this.compiled) throw new Error(`${this.name}: call compile() before ${what}()`);
    return this.compiled;
  }

}
