import * as tf from '@tensorflow/tfjs-core';
import type { NativeAddon, PoolArgs } from '../addon.js';
import { kernelArgs } from './float32-inputs.js';

interface PoolAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * The addon's sizes for a pool over NHWC `shape` (tfjs's own `computePool2DInfo`, so every padding
 * and rounding mode means what it means on cpu), or undefined for a tensor that is not 4-D.
 */
function poolArgs(shape: readonly number[], attrs: PoolAttrs, roundingMode: PoolAttrs['dimRoundingMode']): PoolArgs | undefined {
  if (shape.length !== 4) return undefined;
  const info = tf.backend_util.computePool2DInfo(shape as [number, number, number, number], attrs.filterSize, attrs.strides, 1, attrs.pad, roundingMode);
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    channels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

const outShape = (a: PoolArgs) => [a.batch, a.outHeight, a.outWidth, a.channels];
type Forward = 'maxPool' | 'avgPool';

function forwardKernel(kernelName: string, op: Forward, addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<PoolAttrs>(args);
      const { x } = inputs;
      const sizes = x?.dtype === 'float32' ? poolArgs(x.shape, attrs, attrs.dimRoundingMode) : undefined;
      // A 1 × 1 pool that keeps the shape is tfjs-cpu's identity (NaN included), a copy-free view.
      const identity = sizes && sizes.filterHeight === 1 && sizes.filterWidth === 1 && tf.util.arraysEqual(x!.shape, outShape(sizes));
      if (!x || !sizes || identity) return fallback(args);
      const out = backend.allocate(tf.util.sizeFromShape(outShape(sizes)));
      addon[op](backend.float32(x, 'x'), out, sizes);
      return backend.makeTensorInfo(outShape(sizes), 'float32', out);
    },
  };
}

/**
 * `MaxPool` (NHWC float32, any window, strides and padding) on the addon, with tfjs-cpu's
 * semantics: NaN never wins, an all-NaN window gives −∞. Other dtypes and ranks go to the cpu kernel.
 */
export function maxPoolKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return forwardKernel(tf.MaxPool, 'maxPool', addon, fallback);
}

/** `AvgPool` (NHWC float32) on the addon: each window's mean over the pixels inside the input, as tfjs-cpu. */
export function avgPoolKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return forwardKernel(tf.AvgPool, 'avgPool', addon, fallback);
}

/**
 * `MaxPoolGrad`: each output's gradient goes to its window's first maximum in row-major order,
 * tfjs-cpu's choice among ties (none for an all-NaN window).
 */
export function maxPoolGradKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.MaxPoolGrad,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<PoolAttrs>(args);
      const { dy, input } = inputs;
      const sizes = input?.dtype === 'float32' && dy?.dtype === 'float32' ? poolArgs(input.shape, attrs, attrs.dimRoundingMode) : undefined;
      if (!dy || !input || !sizes || !tf.util.arraysEqual(dy.shape, outShape(sizes))) return fallback(args);
      const dx = backend.allocate(tf.util.sizeFromShape(input.shape));
      addon.maxPoolGrad(backend.float32(input, 'input'), backend.float32(dy, 'dy'), dx, sizes);
      return backend.makeTensorInfo([...input.shape], 'float32', dx);
    },
  };
}

/**
 * `AvgPoolGrad`: each pixel gets the sum of `dy` over the windows that hold it, over the window's
 * full size, as tfjs-cpu computes it (which ignores `dimRoundingMode`, as this does).
 */
export function avgPoolGradKernel(addon: NativeAddon, fallback: tf.KernelFunc): tf.KernelConfig {
  return {
    kernelName: tf.AvgPoolGrad,
    backendName: 'native',
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = kernelArgs<PoolAttrs>(args);
      const { dy, input } = inputs;
      const sizes = input && dy?.dtype === 'float32' ? poolArgs(input.shape, attrs, undefined) : undefined;
      if (!dy || !input || !sizes || !tf.util.arraysEqual(dy.shape, outShape(sizes))) return fallback(args);
      const dx = backend.allocate(tf.util.sizeFromShape(input.shape));
      addon.avgPoolGrad(backend.float32(dy, 'dy'), dx, sizes);
      return backend.makeTensorInfo([...input.shape], 'float32', dx);
    },
  };
}
