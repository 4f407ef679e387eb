import { any, array, checkOptions } from '@lab/core';
import * as tf from '@tensorflow/tfjs-core';
import { formatShape, shapeSize } from './shape.js';

/** Pixel values in uint8 range: a Tensor of any numeric dtype, or raw bytes (e.g. IDX or ImageData). */
export type PixelsInput = tf.Tensor | Uint8Array | Uint8ClampedArray;

/** Options of {@link scalePixels}. */
export interface ScalePixelsOptions {
  /** The divisor: finite and > 0. Default 255, so 0..255 becomes [0, 1]. */
  scale?: number;
  /**
   * Shape of the result. Required for a byte array, whose length must equal its size; for a
   * Tensor it reshapes (same size required), e.g. `[n, 784]` to flatten images.
   */
  shape?: readonly number[];
}

/**
 * Scales pixel values to [0, 1]: a float32 Tensor of `x / scale`, the same float32 numbers as
 * Keras' `(train_images / 255).astype('float32')` (each quotient is rounded once to float32).
 * Values are not range-checked, as that needs a data read: they are divided as they are.
 * The input is not disposed; the caller disposes the result.
 *
 * @example
 * scalePixels(new Uint8Array([0, 51, 255]), { shape: [1, 3] }) // → [[0, 0.2, 1]] float32
 */
export function scalePixels(x: PixelsInput, options: ScalePixelsOptions = {}): tf.Tensor {
  // scale keeps its own check below; the dimensions of shape are checked by shapeSize.
  checkOptions('scalePixels', options, { scale: any(), shape: array() });
  const scale = options.scale ?? 255;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new Error(`scalePixels: scale must be a finite number > 0, got ${String(options.scale)}`);
  }
  const shape = resolveShape(x, options.shape);
  return tf.tidy(() => {
    // Bytes go to float32 exactly; the one rounding is in the division, as in numpy.
    const floats = x instanceof tf.Tensor ? tf.reshape(tf.cast(x, 'float32'), shape) : tf.tensor(Float32Array.from(x), shape);
    return tf.div(floats, scale);
  });
}

/** The result's shape, checked against the input, with errors that name both. */
function resolveShape(x: PixelsInput, shape: readonly number[] | undefined): number[] {
  const isTensor = x instanceof tf.Tensor;
  if (isTensor && (x.dtype === 'string' || x.dtype === 'complex64')) {
    throw new Error(`scalePixels: x must be a numeric tensor, got dtype ${x.dtype}`);
  }
  const size = isTensor ? x.size : x.length;
  const input = isTensor ? `a tensor of shape ${formatShape(x.shape)} (size ${size})` : `a ${x.constructor.name} of length ${size}`;
  if (shape === undefined) {
    if (isTensor) return x.shape;
    throw new Error(`scalePixels: ${input} needs a shape option, e.g. { shape: [${size}] }`);
  }
  const wanted = shapeSize(shape, 'scalePixels: shape');
  if (wanted !== size) {
    throw new Error(`scalePixels: ${input} does not fit shape ${formatShape(shape)} (size ${wanted})`);
  }
  return [...shape];
}
