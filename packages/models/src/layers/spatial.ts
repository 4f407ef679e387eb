import { array, integer } from '@lab/core';

/** An integer, or a `[height, width]` pair of them, as Keras' `kernel_size`, `strides`, `pool_size`. */
export type Size2D = number | [number, number];

/** The constraint of a {@link Size2D} option (positive integers). */
export const SIZE_2D = [integer({ min: 1 }), array(integer({ min: 1 }))];

/** Keras' padding modes: `valid` (none) and `same` (output size `ceil(input / stride)`). */
export type Padding = 'valid' | 'same';

/** A {@link Size2D} as a pair; a list of other than two values is an error naming `option`. */
export function pair(value: Size2D, option: string, where: string): [number, number] {
  if (typeof value === 'number') return [value, value];
  if (value.length !== 2) throw new Error(`${where}: ${option} must be an integer or [height, width], got [${value.join(', ')}]`);
  return [value[0]!, value[1]!];
}

/**
 * The output length of a convolution or pooling window along one axis: `valid` takes the windows
 * that fit, `floor((n - d·(k-1) - 1) / s) + 1`; `same` gives `ceil(n / s)`.
 */
export function windowOutput(n: number, k: number, stride: number, padding: Padding, dilation = 1): number {
  if (padding === 'same') return Math.ceil(n / stride);
  return Math.floor((n - dilation * (k - 1) - 1) / stride) + 1;
}

/**
 * Checks that a sample is `[height, width, channels]` and that a window of `size` (dilated by
 * `dilation`) fits it under `padding`, naming the layer and shapes. Returns the output height and width.
 */
export function spatialOutput(where: string, inputShape: number[], size: [number, number], strides: [number, number], padding: Padding, dilation: [number, number] = [1, 1]): [number, number] {
  if (inputShape.length !== 3) {
    throw new Error(`${where}: expects samples of shape [height, width, channels] (channels last), got [${inputShape.join(', ')}]; add a Reshape layer first`);
  }
  const [h, w] = inputShape as [number, number, number];
  const out: [number, number] = [windowOutput(h, size[0], strides[0], padding, dilation[0]), windowOutput(w, size[1], strides[1], padding, dilation[1])];
  if (out[0] < 1 || out[1] < 1) {
    throw new Error(`${where}: a window of ${size[0]}×${size[1]}${dilation[0] > 1 || dilation[1] > 1 ? ` dilated ${dilation.join('×')}` : ''} does not fit a ${h}×${w} input with padding 'valid'`);
  }
  return out;
}
