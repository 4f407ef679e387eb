import { boolean, integer, number, oneOf } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { LAYER_OPTIONS, Layer, type LayerOptions } from './layer.js';

/** Options of {@link BatchNormalization}; names and defaults are Keras'. */
export interface BatchNormalizationOptions extends LayerOptions {
  /** The features axis; only the last (-1, channels last) is supported. */
  axis?: number;
  /** Weight of the old moving statistics in each update (default 0.99; PyTorch's momentum is 1 − this). */
  momentum?: number;
  /** Added to the variance before its square root (default 0.001). */
  epsilon?: number;
  /** Learn an offset `beta` (default true). */
  center?: boolean;
  /** Learn a scale `gamma` (default true). */
  scale?: boolean;
}

/**
 * Keras' `BatchNormalization` over the last axis. In training it normalises with the batch's mean
 * and (biased) variance over every other axis and updates the moving statistics,
 * `moving = moving·momentum + batch·(1 − momentum)`, as Keras 3 does; in inference it normalises
 * with the moving statistics. Weights in Keras' order: `gamma`, `beta` (trainable), `moving_mean`,
 * `moving_variance` (updated by training, saved with the model). PyTorch updates its running
 * variance with the unbiased batch variance instead; the normalised outputs and gradients agree.
 */
export class BatchNormalization extends Layer {
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;

  /** @param options see {@link BatchNormalizationOptions}; unknown options are errors with a hint */
  constructor(options: BatchNormalizationOptions = {}) {
    super('BatchNormalization', options, {
      ...LAYER_OPTIONS,
      axis: [oneOf(-1), integer()],
      momentum: number({ min: 0, max: 1 }),
      epsilon: number({ min: 0, minExclusive: true }),
      center: boolean(),
      scale: boolean(),
    });
    this.momentum = options.momentum ?? 0.99;
    this.epsilon = options.epsilon ?? 1e-3;
    this.center = options.center ?? true;
    this.scale = options.scale ?? true;
    this.axisOption = options.axis ?? -1;
  }

  /** The axis as given; checked against the input's rank when built. */
  private readonly axisOption: number;

  override get className(): string {
    return 'BatchNormalization';
  }

  override weightShapes(inputShape: number[]): [string, number[]][] {
    const features = inputShape[inputShape.length - 1];
    if (features === undefined) throw new Error(`${this.name}: needs an input with at least one axis`);
    if (this.axisOption !== -1 && this.axisOption !== inputShape.length) {
      throw new Error(`${this.name}: axis ${this.axisOption} is not supported; lab normalises the last axis (-1, channels last)`);
    }
    const shape = [features];
    return [...(this.scale ? [['gamma', shape]] : []), ...(this.center ? [['beta', shape]] : []), ['moving_mean', shape], ['moving_variance', shape]] as [string, number[]][];
  }

  override build(inputShape: number[]): void {
    const trainable = Number(this.scale) + Number(this.center);
    this.makeWeights(inputShape, trainable, (name, shape) => (name === 'gamma' || name === 'moving_variance' ? tf.ones(shape) : tf.zeros(shape)));
  }

  override outputShape(inputShape: number[]): number[] {
    return inputShape;
  }

  private weight(name: string): tf.Variable | undefined {
    const i = this.weightNames.indexOf(name);
    return i < 0 ? undefined : this.allWeights[i];
  }

  override apply(x: tf.Tensor, training = false): tf.Tensor {
    const movingMean = this.weight('moving_mean');
    const movingVariance = this.weight('moving_variance');
    if (!movingMean || !movingVariance) throw new Error(`${this.name}: not built; add it to a model and build it first`);
    const gamma = this.weight('gamma');
    const beta = this.weight('beta');
    return tf.tidy(() => {
      let mean: tf.Tensor = movingMean;
      let variance: tf.Tensor = movingVariance;
      if (training) {
        const axes = Array.from({ length: x.rank - 1 }, (_, i) => i);
        ({ mean, variance } = tf.moments(x, axes));
        const m = this.momentum;
        // The updates depend on no trainable weight, so the gradient tape leaves them out.
        movingMean.assign(tf.add(tf.mul(movingMean, m), tf.mul(mean, 1 - m)));
        movingVariance.assign(tf.add(tf.mul(movingVariance, m), tf.mul(variance, 1 - m)));
      }
      // tfjs's batchNorm gradient needs both the offset and the scale: constants stand in.
      const features = [x.shape[x.rank - 1]!];
      return tf.batchNorm(x, mean, variance, beta ?? tf.zeros(features), gamma ?? tf.ones(features), this.epsilon);
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      axis: -1,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
      beta_initializer: { class_name: 'Zeros', config: {} },
      gamma_initializer: { class_name: 'Ones', config: {} },
      moving_mean_initializer: { class_name: 'Zeros', config: {} },
      moving_variance_initializer: { class_name: 'Ones', config: {} },
    };
  }
}
