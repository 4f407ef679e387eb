import { integer, number } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { LAYER_OPTIONS, Layer, type LayerOptions } from './layer.js';

/** Options of {@link Dropout}; names are Keras'. */
export interface DropoutOptions extends LayerOptions {
  /** The fraction of inputs set to zero in training, in [0, 1). */
  rate: number;
  /** Seeds the masks when the layer is applied outside `fit` (which seeds every step itself). */
  seed?: number;
}

/**
 * Keras' `Dropout`: in training, each input is zeroed with probability `rate` and the others are
 * scaled by `1 / (1 - rate)`, so the expected sum is unchanged; in inference (`evaluate`,
 * `predict`) it passes inputs through. Inside `fit` the mask is a function of the run's seed, the
 * epoch, the step and the layer, so a resumed run draws the same masks as an uninterrupted one.
 */
export class Dropout extends Layer {
  readonly rate: number;
  readonly seed: number | undefined;
  private calls = 0;

  /** @param options see {@link DropoutOptions}; unknown options are errors with a hint */
  constructor(options: DropoutOptions) {
    super('Dropout', options, { ...LAYER_OPTIONS, rate: number({ min: 0, max: 1, maxExclusive: true }), seed: integer() });
    if (typeof options?.rate !== 'number') throw new Error(`${this.name}: rate is required, a number in [0, 1)`);
    this.rate = options.rate;
    this.seed = options.seed;
  }

  override get className(): string {
    return 'Dropout';
  }

  override outputShape(inputShape: number[]): number[] {
    return inputShape;
  }

  override apply(x: tf.Tensor, training = false, seed?: string): tf.Tensor {
    if (!training || this.rate === 0) return tf.clone(x);
    const maskSeed = seed ?? `${this.seed ?? Math.floor(Math.random() * 2 ** 31)}/${this.calls++}`;
    return tf.tidy(() => {
      const keep = tf.cast(tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, 'float32', maskSeed), this.rate), 'float32');
      return tf.mul(x, tf.mul(keep, 1 / (1 - this.rate)));
    });
  }

  override getConfig(): Record<string, unknown> {
    return { rate: this.rate, noise_shape: null, seed: this.seed ?? null };
  }
}
