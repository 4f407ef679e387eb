import { any, boolean, func, oneOf } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { type ActivationName, activate, checkActivation, kerasActivationName } from '../activations.js';
import { getInitializer, type Initializer, type InitializerName, kerasInitializer } from '../initializers.js';
import { LAYER_OPTIONS, Layer, type LayerOptions } from './layer.js';
import { type Padding, pair, SIZE_2D, type Size2D, spatialOutput } from './spatial.js';

const INITIALIZER = [oneOf('glorotUniform', 'zeros', 'ones'), func()];

const CONV2D_OPTIONS = {
  ...LAYER_OPTIONS,
  filters: any(),
  kernelSize: SIZE_2D,
  strides: SIZE_2D,
  padding: oneOf('valid', 'same'),
  dilationRate: SIZE_2D,
  activation: any(),
  useBias: boolean(),
  kernelInitializer: INITIALIZER,
  biasInitializer: INITIALIZER,
};

/** Options of {@link Conv2D}; names and defaults are Keras'. */
export interface Conv2DOptions extends LayerOptions {
  /** Number of output channels. */
  filters: number;
  /** Window size, `3` or `[3, 3]`. */
  kernelSize: Size2D;
  /** Step between windows (default 1). */
  strides?: Size2D;
  /** `valid` (default: no padding) or `same` (zero padding, output `ceil(input / stride)`). */
  padding?: Padding;
  /** Spacing between the window's taps (default 1); with a rate above 1 the strides must be 1, as in Keras. */
  dilationRate?: Size2D;
  /** Activation applied to the convolution plus bias (default `linear`). */
  activation?: ActivationName;
  /** Add a bias per filter (default true). */
  useBias?: boolean;
  /** Kernel initializer (default Glorot uniform, as in Keras). */
  kernelInitializer?: InitializerName | Initializer;
  /** Bias initializer (default zeros). */
  biasInitializer?: InitializerName | Initializer;
}

/**
 * A 2-D convolution over channels-last images (`[N, height, width, channels]`), Keras' `Conv2D`:
 * a kernel of shape `[kernelHeight, kernelWidth, inputChannels, filters]` and a bias of `[filters]`.
 * Relu and linear activations run as one fused kernel with the bias.
 */
export class Conv2D extends Layer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;
  readonly dilationRate: [number, number];
  readonly activation: ActivationName;
  readonly useBias: boolean;
  private readonly kernelInit: Initializer;
  private readonly biasInit: Initializer;
  private readonly initializers: { kernel: InitializerName | Initializer; bias: InitializerName | Initializer };

  /** @param options see {@link Conv2DOptions}; unknown options are errors with a hint */
  constructor(options: Conv2DOptions) {
    super('Conv2D', options, CONV2D_OPTIONS);
    if (!Number.isInteger(options?.filters) || options.filters <= 0) throw new Error(`${this.name}: filters must be a positive integer, got ${options?.filters}`);
    if (options.kernelSize === undefined) throw new Error(`${this.name}: kernelSize is required (e.g. 3 or [3, 3])`);
    this.filters = options.filters;
    this.kernelSize = pair(options.kernelSize, 'kernelSize', this.name);
    this.strides = pair(options.strides ?? 1, 'strides', this.name);
    this.padding = options.padding ?? 'valid';
    this.dilationRate = pair(options.dilationRate ?? 1, 'dilationRate', this.name);
    if (this.dilationRate.some((d) => d > 1) && this.strides.some((s) => s > 1)) {
      throw new Error(`${this.name}: strides [${this.strides.join(', ')}] with dilationRate [${this.dilationRate.join(', ')}]: one of them must be 1, as in Keras`);
    }
    this.activation = checkActivation(options.activation ?? 'linear', this.name);
    this.useBias = options.useBias ?? true;
    this.initializers = { kernel: options.kernelInitializer ?? 'glorotUniform', bias: options.biasInitializer ?? 'zeros' };
    this.kernelInit = getInitializer(this.initializers.kernel);
    this.biasInit = getInitializer(this.initializers.bias);
  }

  override get className(): string {
    return 'Conv2D';
  }

  override weightShapes(inputShape: number[]): [string, number[]][] {
    spatialOutput(this.name, inputShape, this.kernelSize, this.strides, this.padding, this.dilationRate);
    const kernel: [string, number[]] = ['kernel', [...this.kernelSize, inputShape[2]!, this.filters]];
    return this.useBias ? [kernel, ['bias', [this.filters]]] : [kernel];
  }

  override build(inputShape: number[], seed: number): void {
    this.makeWeights(inputShape, this.useBias ? 2 : 1, (_, shape, i) => (i === 0 ? this.kernelInit(shape, seed) : this.biasInit(shape, seed + 1)));
  }

  override outputShape(inputShape: number[]): number[] {
    return [...spatialOutput(this.name, inputShape, this.kernelSize, this.strides, this.padding, this.dilationRate), this.filters];
  }

  override apply(x: tf.Tensor): tf.Tensor {
    const [kernel, bias] = this.weights as (tf.Tensor4D | tf.Tensor1D | undefined)[] as [tf.Tensor4D | undefined, tf.Tensor1D | undefined];
    if (!kernel) throw new Error(`${this.name}: not built; add it to a model and build it first`);
    if (x.rank !== 4) throw new Error(`${this.name}: expects a batch of shape [N, height, width, channels], got [${x.shape.join(', ')}]`);
    return tf.tidy(() => {
      const dilated = this.dilationRate[0] > 1 || this.dilationRate[1] > 1;
      // tfjs has no gradient for dilated convolutions: a dilated kernel is the kernel with zeros
      // between its taps, which differentiates through plain ops.
      const filter = dilated ? dilateKernel(kernel, this.dilationRate) : kernel;
      const fusedActivation = this.activation === 'relu' || this.activation === 'linear' ? this.activation : undefined;
      const conv = { x: x as tf.Tensor4D, filter, strides: this.strides, pad: this.padding } as const;
      if (fusedActivation) return tf.fused.conv2d({ ...conv, bias, activation: fusedActivation });
      const y = tf.conv2d(conv.x, filter, this.strides, this.padding);
      return activate(this.activation, bias ? tf.add(y, bias) : y);
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      filters: this.filters,
      kernel_size: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      data_format: 'channels_last',
      dilation_rate: this.dilationRate,
      activation: kerasActivationName(this.activation),
      use_bias: this.useBias,
      kernel_initializer: kerasInitializer(this.initializers.kernel, 'glorotUniform'),
      bias_initializer: kerasInitializer(this.initializers.bias, 'zeros'),
    };
  }
}

/** `kernel` with `rate - 1` zeros between its taps along height and width: `[(kh-1)·rh+1, (kw-1)·rw+1, in, out]`. */
export function dilateKernel(kernel: tf.Tensor4D, rate: [number, number]): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, c, f] = kernel.shape;
    const [rh, rw] = rate;
    const spread = tf.pad(tf.reshape(kernel, [kh, 1, kw, 1, c, f]), [[0, 0], [0, rh - 1], [0, 0], [0, rw - 1], [0, 0], [0, 0]]);
    const flat = tf.reshape(spread, [kh * rh, kw * rw, c, f]);
    return tf.slice(flat, [0, 0, 0, 0], [(kh - 1) * rh + 1, (kw - 1) * rw + 1, c, f]) as tf.Tensor4D;
  });
}
