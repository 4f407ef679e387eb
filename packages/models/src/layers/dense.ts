import { any, boolean, func, oneOf } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { type ActivationName, activate, checkActivation, kerasActivationName } from '../activations.js';
import { denseBackward, fusedDense, hasFusedDenseBackward } from './fused-dense.js';
import { getInitializer, type Initializer, type InitializerName, kerasInitializer } from '../initializers.js';
import { type Backprop, LAYER_OPTIONS, Layer, type LayerOptions } from './layer.js';

const INITIALIZER = [oneOf('glorotUniform', 'zeros', 'ones'), func()];

// units and activation keep their own checks (messages that predate these constraints).
const DENSE_OPTIONS = {
  ...LAYER_OPTIONS,
  units: any(),
  activation: any(),
  useBias: boolean(),
  kernelInitializer: INITIALIZER,
  biasInitializer: INITIALIZER,
};

/** Options of {@link Dense}; defaults are Keras'. */
export interface DenseOptions extends LayerOptions {
  /** Number of output units. */
  units: number;
  /** Activation applied to `x·W + b` (default `linear`). */
  activation?: ActivationName;
  /** Add a bias (default true). */
  useBias?: boolean;
  /** Kernel initializer (default Glorot uniform, as in Keras). */
  kernelInitializer?: InitializerName | Initializer;
  /** Bias initializer (default zeros). */
  biasInitializer?: InitializerName | Initializer;
}

/**
 * A fully connected layer, `activation(x·W + b)` over the last axis, with a kernel of shape
 * `[inputUnits, units]` like Keras' `Dense`.
 */
export class Dense extends Layer {
  readonly units: number;
  readonly activation: ActivationName;
  readonly useBias: boolean;
  private readonly kernelInit: Initializer;
  private readonly biasInit: Initializer;
  private readonly initializers: { kernel: InitializerName | Initializer; bias: InitializerName | Initializer };

  /** @param options see {@link DenseOptions}; unknown options are errors with a hint */
  constructor(options: DenseOptions) {
    super('Dense', options, DENSE_OPTIONS);
    if (!Number.isInteger(options?.units) || options.units <= 0) {
      throw new Error(`${this.name}: units must be a positive integer, got ${options?.units}`);
    }
    this.units = options.units;
    this.activation = checkActivation(options.activation ?? 'linear', this.name);
    this.useBias = options.useBias ?? true;
    this.initializers = { kernel: options.kernelInitializer ?? 'glorotUniform', bias: options.biasInitializer ?? 'zeros' };
    this.kernelInit = getInitializer(this.initializers.kernel);
    this.biasInit = getInitializer(this.initializers.bias);
  }

  override get className(): string {
    return 'Dense';
  }

  override weightShapes(inputShape: number[]): [string, number[]][] {
    const inputUnits = inputShape[inputShape.length - 1];
    if (inputUnits === undefined) throw new Error(`${this.name}: needs an input with at least one axis`);
    return [['kernel', [inputUnits, this.units]], ...(this.useBias ? [['bias', [this.units]] as [string, number[]]] : [])];
  }

  override build(inputShape: number[], seed: number): void {
    const weights = this.weightShapes(inputShape).length;
    this.makeWeights(inputShape, weights, (_, shape, i) => (i === 0 ? this.kernelInit(shape, seed) : this.biasInit(shape, seed + 1)));
  }

  override outputShape(inputShape: number[]): number[] {
    return [...inputShape.slice(0, -1), this.units];
  }

  /** `x·W + b` without the activation: the logits of a softmax layer. The caller owns the result. */
  applyLinear(x: tf.Tensor): tf.Tensor {
    const [kernel, bias] = this.weights;
    if (!kernel) throw new Error(`${this.name}: not built; add it to a model and build it first`);
    // A backend with the fused Dense backward (e.g. 'native') gets all gradients in one kernel.
    if (x.rank === 2 && hasFusedDenseBackward()) return fusedDense(x as tf.Tensor2D, kernel as tf.Tensor2D, bias, 'linear');
    return tf.tidy(() => {
      const x2 = x.rank === 2 ? (x as tf.Tensor2D) : (tf.reshape(x, [-1, x.shape[x.rank - 1]!]) as tf.Tensor2D);
      const y = tf.fused.matMul({ a: x2, b: kernel as tf.Tensor2D, bias });
      return x.rank === 2 ? y : tf.reshape(y, [...x.shape.slice(0, -1), this.units]);
    });
  }

  override apply(x: tf.Tensor): tf.Tensor {
    const [kernel, bias] = this.weights;
    if ((this.activation === 'relu' || this.activation === 'linear') && kernel && x.rank === 2 && hasFusedDenseBackward()) {
      return fusedDense(x as tf.Tensor2D, kernel as tf.Tensor2D, bias, this.activation);
    }
    if (this.activation === 'relu' && kernel && x.rank === 2) {
      // One fused kernel (matmul + bias + relu) instead of three; tfjs defines its gradient.
      return tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel as tf.Tensor2D, bias, activation: 'relu' });
    }
    return tf.tidy(() => activate(this.activation, this.applyLinear(x)));
  }

  /**
   * For a rank-2 input and a relu or linear activation (or any, with `linear`): `act(x·W + b)` in
   * one fused matmul, and a backward pass of one `LabDenseBackward` where the backend has it, else
   * the composite ops tfjs's own gradient of the fused matmul runs (`g = dy ⊙ relu'(y)`,
   * `dW = xᵀg`, `db = Σ g`, `dx = g Wᵀ`).
   */
  override forwardForBackprop(x: tf.Tensor, linear: boolean): Backprop | undefined {
    const [kernel, bias] = this.weights as (tf.Tensor2D | undefined)[];
    const activation = linear ? 'linear' : this.activation;
    if (!kernel || x.rank !== 2 || (activation !== 'linear' && activation !== 'relu')) return undefined;
    const x2 = x as tf.Tensor2D;
    const fused = hasFusedDenseBackward();
    const output = fused
      ? (tf.engine().runKernel(tf._FusedMatMul, bias ? { a: x2, b: kernel, bias } : { a: x2, b: kernel }, { transposeA: false, transposeB: false, activation }) as tf.Tensor2D)
      : tf.fused.matMul({ a: x2, b: kernel, bias, activation });
    const hasBias = bias !== undefined;
    return {
      output,
      backward: (dy, inputGrad) => {
        if (fused) {
          const { dKernel, dBias, dx } = denseBackward([x2, kernel, output], dy, { activation, hasBias, inputGrad });
          return { grads: hasBias ? [dKernel, dBias!] : [dKernel], ...(dx ? { dx } : {}) };
        }
        return tf.tidy(() => {
          const g = activation === 'relu' ? tf.mul(dy, tf.step(output)) : dy;
          const grads = [tf.matMul(x2, g as tf.Tensor2D, true, false)];
          if (hasBias) grads.push(tf.sum(g, 0));
          return inputGrad ? { grads, dx: tf.matMul(g as tf.Tensor2D, kernel, false, true) } : { grads };
        });
      },
    };
  }

  override getConfig(): Record<string, unknown> {
    return {
      units: this.units,
      activation: kerasActivationName(this.activation),
      use_bias: this.useBias,
      kernel_initializer: kerasInitializer(this.initializers.kernel, 'glorotUniform'),
      bias_initializer: kerasInitializer(this.initializers.bias, 'zeros'),
    };
  }
}
