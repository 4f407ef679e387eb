import { any, type Constraints, checkOptions, string } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';

/**
 * One layer's forward pass during training with an analytic backward pass: the output (owned by
 * the caller) and the function that turns the gradient of the loss with respect to that output
 * into the gradients of the layer's weights (in `weights` order) and, when asked, of its input.
 * `backward` returns new tensors owned by the caller and disposes none of its arguments.
 */
export interface Backprop {
  output: tf.Tensor;
  backward(dy: tf.Tensor, inputGrad: boolean): { grads: tf.Tensor[]; dx?: tf.Tensor };
}

/** Options every layer accepts. */
export interface LayerOptions {
  /** Shape of one sample (no batch axis); only needed on a model's first layer, as in Keras. */
  inputShape?: number[];
  /** A name for summaries and saved models; defaults to the class name plus a counter (`dense_1`). */
  name?: string;
}

/** The constraints of {@link LayerOptions}; `inputShape` keeps its own check below. */
export const LAYER_OPTIONS = { inputShape: any(), name: string() } satisfies Constraints;

const nameCounts = new Map<string, number>();
let variableCounter = 0;

/** Keras-style automatic names: `dense`, `dense_1`, `dense_2`, ... per process. */
function autoName(prefix: string): string {
  const n = nameCounts.get(prefix) ?? 0;
  nameCounts.set(prefix, n + 1);
  return n === 0 ? prefix : `${prefix}_${n}`;
}

/**
 * The base of every layer: a plain value holding its options and, once built, its weights.
 * Weights are tfjs `Variable`s owned by the layer; `dispose()` frees them.
 */
export abstract class Layer {
  /** The layer's name. */
  readonly name: string;
  /** Shape of one input sample, when given. */
  readonly inputShape: number[] | undefined;
  /** The layer's trainable weights in a fixed order (e.g. kernel, bias); empty until built. */
  weights: tf.Variable[] = [];
  /**
   * Weights that training updates by other means than gradients (a batch norm's moving mean and
   * variance): saved and loaded with the model, never given to the optimizer.
   */
  nonTrainableWeights: tf.Variable[] = [];
  /** Keras names of `weights` then `nonTrainableWeights` (`kernel`, `bias`, `moving_mean`), in that order. */
  weightNames: string[] = [];
  /** Whether `build` has run. */
  built = false;

  /**
   * Checks `options` against `constraints` (the subclass's, @lab/core's `checkOptions`: unknown
   * options are errors naming `className`, with a hint) and sets the name and input shape.
   */
  protected constructor(className: string, options: LayerOptions = {}, constraints: Constraints = LAYER_OPTIONS) {
    checkOptions(className, options, constraints);
    this.name = options.name ?? autoName(className.toLowerCase());
    if (options.inputShape !== undefined && !Array.isArray(options.inputShape)) {
      throw new Error(`${this.name}: inputShape must be an array of positive integers, got ${String(options.inputShape)}`);
    }
    this.inputShape = options.inputShape ? [...options.inputShape] : undefined;
    if (this.inputShape?.some((d) => !Number.isInteger(d) || d <= 0)) {
      throw new Error(`${this.name}: inputShape must be positive integers, got [${this.inputShape.join(', ')}]`);
    }
  }

  /** The Keras class name (`Dense`, `Flatten`), used in summaries and saved models. */
  abstract get className(): string;

  /** Creates the weights for inputs of `inputShape` (one sample); `seed` makes them reproducible. */
  build(_inputShape: number[], _seed: number): void {
    this.built = true;
  }

  /** The shape of one output sample for one input sample of `inputShape`. */
  abstract outputShape(inputShape: number[]): number[];

  /**
   * The Keras name and shape of every weight `build(inputShape)` makes, trainable ones first, in
   * the order a saved model lists them. Known from shapes alone, so that a loader checks a file's
   * weights manifest before anything is allocated. None by default.
   */
  weightShapes(_inputShape: number[]): [string, number[]][] {
    return [];
  }

  /**
   * Runs the layer on a batch. Returns a new tensor owned by the caller; intermediates are freed.
   * `training` switches layers that behave differently in training (dropout, batch norm), as in
   * Keras; `seed` makes a training pass's randomness (dropout's mask) reproducible.
   */
  abstract apply(x: tf.Tensor, training?: boolean, seed?: string): tf.Tensor;

  /**
   * The training forward pass with its analytic backward pass (see {@link Backprop}), or
   * `undefined` when the layer has none for this input; `fit` then differentiates the whole model
   * with tfjs's autodiff, as it does for any layer that does not override this. `linear` asks a
   * softmax layer for its logits (the loss then starts from them, as Keras does).
   */
  forwardForBackprop(_x: tf.Tensor, _linear: boolean): Backprop | undefined {
    return undefined;
  }

  /**
   * The layer's own options in Keras' config form (snake case: `units`, `kernel_size`); a saved
   * model adds the common ones (`name`, `trainable`, `dtype`, `batch_input_shape`).
   */
  abstract getConfig(): Record<string, unknown>;

  /** Every weight, trainable ones first: the order of {@link weightNames} and of a saved model. */
  get allWeights(): tf.Variable[] {
    return [...this.weights, ...this.nonTrainableWeights];
  }

  /** Number of scalar weights, trainable or not (Keras' `count_params`). */
  countParams(): number {
    return this.allWeights.reduce((n, w) => n + w.size, 0);
  }

  /** Frees the layer's weights. */
  dispose(): void {
    for (const w of this.allWeights) w.dispose();
    this.weights = [];
    this.nonTrainableWeights = [];
    this.weightNames = [];
    this.built = false;
  }

  /**
   * Makes the weights `weightShapes(inputShape)` lists, in that order, from `init(name, shape)`
   * (which returns a new tensor, disposed here); the first `trainable` are trainable. Variables get
   * process-unique names (tfjs requires them); `weightNames` keeps the Keras ones.
   */
  protected makeWeights(inputShape: number[], trainable: number, init: (name: string, shape: number[], index: number) => tf.Tensor): void {
    const specs = this.weightShapes(inputShape);
    const made = specs.map(([name, shape], i) => {
      const value = init(name, shape, i);
      variableCounter += 1;
      const v = tf.variable(value, i < trainable, `${this.name}/${name}_${variableCounter}`);
      value.dispose();
      return v;
    });
    this.weights = made.slice(0, trainable);
    this.nonTrainableWeights = made.slice(trainable);
    this.weightNames = specs.map(([name]) => name);
    this.built = true;
  }
}
