import { oneOf } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { LAYER_OPTIONS, Layer, type LayerOptions } from './layer.js';
import { type Padding, pair, SIZE_2D, type Size2D, spatialOutput } from './spatial.js';

const POOLING_OPTIONS = { ...LAYER_OPTIONS, poolSize: SIZE_2D, strides: SIZE_2D, padding: oneOf('valid', 'same') };

/** Options of {@link MaxPooling2D} and {@link AveragePooling2D}; names and defaults are Keras'. */
export interface Pooling2DOptions extends LayerOptions {
  /** Window size (default 2, i.e. `[2, 2]`). */
  poolSize?: Size2D;
  /** Step between windows (default: the pool size). */
  strides?: Size2D;
  /** `valid` (default) or `same` (windows at the edges cover only the input that is there). */
  padding?: Padding;
}

/** What max and average pooling share: options, output shape, config. */
abstract class Pooling2D extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: Padding;

  protected constructor(className: string, options: Pooling2DOptions = {}) {
    super(className, options, POOLING_OPTIONS);
    this.poolSize = pair(options.poolSize ?? 2, 'poolSize', this.name);
    this.strides = pair(options.strides ?? this.poolSize, 'strides', this.name);
    this.padding = options.padding ?? 'valid';
  }

  override outputShape(inputShape: number[]): number[] {
    return [...spatialOutput(this.name, inputShape, this.poolSize, this.strides, this.padding), inputShape[2]!];
  }

  protected checkBatch(x: tf.Tensor): tf.Tensor4D {
    if (x.rank !== 4) throw new Error(`${this.name}: expects a batch of shape [N, height, width, channels], got [${x.shape.join(', ')}]`);
    return x as tf.Tensor4D;
  }

  override getConfig(): Record<string, unknown> {
    return { pool_size: this.poolSize, padding: this.padding, strides: this.strides, data_format: 'channels_last' };
  }
}

/** The maximum over each window of each channel, Keras' `MaxPooling2D` (channels last). */
export class MaxPooling2D extends Pooling2D {
  /** @param options see {@link Pooling2DOptions}; unknown options are errors with a hint */
  constructor(options: Pooling2DOptions = {}) {
    super('MaxPooling2D', options);
  }

  override get className(): string {
    return 'MaxPooling2D';
  }

  override apply(x: tf.Tensor): tf.Tensor {
    return tf.maxPool(this.checkBatch(x), this.poolSize, this.strides, this.padding);
  }
}

/**
 * The mean over each window of each channel, Keras' `AveragePooling2D` (channels last). With
 * `same` padding an edge window averages only the values inside the input, as in Keras.
 */
export class AveragePooling2D extends Pooling2D {
  /** @param options see {@link Pooling2DOptions}; unknown options are errors with a hint */
  constructor(options: Pooling2DOptions = {}) {
    super('AveragePooling2D', options);
  }

  override get className(): string {
    return 'AveragePooling2D';
  }

  override apply(x: tf.Tensor): tf.Tensor {
    const x4 = this.checkBatch(x);
    if (this.padding === 'valid') return tf.avgPool(x4, this.poolSize, this.strides, 'valid');
    // tfjs's AvgPoolGrad divides every window by its full size under 'same' padding, unlike its
    // forward pass (PyTorch and Keras agree with the forward). Zero-padding explicitly, pooling
    // 'valid' and rescaling each window by (its size / the inputs it covers) gives both passes right.
    const [h, w] = [x4.shape[1], x4.shape[2]];
    const [top, bottom, heights] = samePadding(h, this.poolSize[0], this.strides[0]);
    const [left, right, widths] = samePadding(w, this.poolSize[1], this.strides[1]);
    const scale = new Float32Array(heights.length * widths.length);
    for (const [i, covered] of heights.entries()) {
      for (const [j, across] of widths.entries()) scale[i * widths.length + j] = (this.poolSize[0] * this.poolSize[1]) / (covered * across);
    }
    return tf.tidy(() => {
      const padded = tf.pad(x4, [[0, 0], [top, bottom], [left, right], [0, 0]]);
      return tf.mul(tf.avgPool(padded, this.poolSize, this.strides, 'valid'), tf.tensor4d(scale, [1, heights.length, widths.length, 1]));
    });
  }
}

/** The mean of each channel over height and width: `[N, h, w, c]` → `[N, c]`, Keras' `GlobalAveragePooling2D`. */
export class GlobalAveragePooling2D extends Layer {
  /** @param options the common layer options */
  constructor(options: LayerOptions = {}) {
    super('GlobalAveragePooling2D', options);
  }

  override get className(): string {
    return 'GlobalAveragePooling2D';
  }

  override outputShape(inputShape: number[]): number[] {
    if (inputShape.length !== 3) throw new Error(`${this.name}: expects samples of shape [height, width, channels], got [${inputShape.join(', ')}]`);
    return [inputShape[2]!];
  }

  override apply(x: tf.Tensor): tf.Tensor {
    if (x.rank !== 4) throw new Error(`${this.name}: expects a batch of shape [N, height, width, channels], got [${x.shape.join(', ')}]`);
    return tf.mean(x, [1, 2]);
  }

  override getConfig(): Record<string, unknown> {
    return { data_format: 'channels_last' };
  }
}

/**
 * TensorFlow's 'same' padding along one axis of length `n` for windows of `k` every `s`: the
 * padding before and after (the odd one after) and, per output position, how many of the window's
 * `k` positions fall inside the input.
 */
function samePadding(n: number, k: number, s: number): [number, number, number[]] {
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  const before = Math.floor(total / 2);
  const covered = Array.from({ length: out }, (_, i) => {
    const start = i * s - before;
    return Math.min(start + k, n) - Math.max(start, 0);
  });
  return [before, total - before, covered];
}
