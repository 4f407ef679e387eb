import { any } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { type Backprop, LAYER_OPTIONS, Layer, type LayerOptions } from './layer.js';

/** Options of {@link Reshape}. */
export interface ReshapeOptions extends LayerOptions {
  /** The shape of one output sample (no batch axis); one entry may be -1, inferred from the size. */
  targetShape: number[];
}

/** Reshapes each sample to `targetShape`, keeping the batch axis, Keras' `Reshape`: `[N, 784]` → `[N, 28, 28, 1]`. */
export class Reshape extends Layer {
  readonly targetShape: number[];

  /** @param options see {@link ReshapeOptions}; unknown options are errors with a hint */
  constructor(options: ReshapeOptions) {
    super('Reshape', options, { ...LAYER_OPTIONS, targetShape: any() });
    const target = options?.targetShape;
    if (!Array.isArray(target) || target.length === 0 || target.some((d) => !Number.isInteger(d) || (d <= 0 && d !== -1)) || target.filter((d) => d === -1).length > 1) {
      throw new Error(`${this.name}: targetShape must be positive integers with at most one -1, got ${Array.isArray(target) ? `[${target.join(', ')}]` : String(target)}`);
    }
    this.targetShape = [...target];
  }

  override get className(): string {
    return 'Reshape';
  }

  override outputShape(inputShape: number[]): number[] {
    const size = inputShape.reduce((a, b) => a * b, 1);
    const known = this.targetShape.reduce((a, b) => (b === -1 ? a : a * b), 1);
    const free = this.targetShape.indexOf(-1);
    if (free >= 0 ? size % known !== 0 : size !== known) {
      throw new Error(`${this.name}: cannot reshape samples of shape [${inputShape.join(', ')}] (${size} values) to [${this.targetShape.join(', ')}]`);
    }
    return this.targetShape.map((d) => (d === -1 ? size / known : d));
  }

  override apply(x: tf.Tensor): tf.Tensor {
    return tf.reshape(x, [x.shape[0] ?? 1, ...this.outputShape(x.shape.slice(1))]);
  }

  override forwardForBackprop(x: tf.Tensor): Backprop {
    return {
      output: this.apply(x),
      backward: (dy, inputGrad) => (inputGrad ? { grads: [], dx: tf.reshape(dy, x.shape) } : { grads: [] }),
    };
  }

  override getConfig(): Record<string, unknown> {
    return { target_shape: this.targetShape };
  }
}
