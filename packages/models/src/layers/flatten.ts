import * as tf from '@tensorflow/tfjs-core';
import { type Backprop, Layer, type LayerOptions } from './layer.js';

/** Flattens each sample to one axis, keeping the batch axis: `[N, 28, 28, 1]` → `[N, 784]`. */
export class Flatten extends Layer {
  constructor(options: LayerOptions = {}) {
    super('Flatten', options);
  }

  override get className(): string {
    return 'Flatten';
  }

  override outputShape(inputShape: number[]): number[] {
    return [inputShape.reduce((a, b) => a * b, 1)];
  }

  override apply(x: tf.Tensor): tf.Tensor {
    const batch = x.shape[0] ?? 1;
    return tf.reshape(x, [batch, x.size / Math.max(batch, 1)]);
  }

  override forwardForBackprop(x: tf.Tensor): Backprop {
    return {
      output: this.apply(x),
      backward: (dy, inputGrad) => (inputGrad ? { grads: [], dx: tf.reshape(dy, x.shape) } : { grads: [] }),
    };
  }

  override getConfig(): Record<string, unknown> {
    return { data_format: 'channels_last' };
  }
}
